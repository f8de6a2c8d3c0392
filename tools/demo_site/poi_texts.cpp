// Facts from published histories of each site (Palace Museum, Beijing Municipal Administration of
// Cultural Heritage, the 2024 World Heritage nomination); dates given in reign years are converted.
#include "poi_texts.h"

namespace demo {

const std::vector<PoiText>& poiTexts() {
    static const std::vector<PoiText> kPois = {
        {"central-axis", "yongdingmen", {0, -150, 0}, {0, 0, 1}, {0, -400, 120}, {0, 1500, 0},
         "北京中轴线", "Beijing Central Axis",
         "北京中轴线南起永定门，北至钟鼓楼，全长约7.8公里，贯穿北京老城。它始于13世纪的元大都，经明清两代发展完善，"
         "宫殿、坛庙、城门、桥梁与街市沿线对称布局，体现了中国古代典籍中理想都城的秩序。2024年7月，"
         "“北京中轴线——中国理想都城秩序的杰作”列入《世界遗产名录》。本演示为按真实比例简化的模型，位置为近似值。",
         "A 7.8-kilometre line through the heart of old Beijing, from Yongdingmen in the south to the Drum and "
         "Bell Towers in the north. Begun with the Yuan capital Dadu in the 13th century and completed under the "
         "Ming and Qing, it orders palaces, altars, gates, bridges and markets symmetrically on either side, after "
         "the ideal capital of classical Chinese texts. It was inscribed on the UNESCO World Heritage List in July "
         "2024 as \"Beijing Central Axis: A Building Ensemble Exhibiting the Ideal Order of the Chinese Capital\". "
         "This demo is a simplified model at real scale; positions are approximate.",
         {"overview", "world-heritage"}},
        {"yongdingmen", "yongdingmen", {0, -9, 12}, {0, -1, 0}, {0, -90, 1.7}, {0, 0, 14},
         "永定门", "Yongdingmen",
         "永定门是北京外城南墙的正门，也是中轴线的南端起点。始建于明嘉靖三十二年（1553年），嘉靖四十三年（1564年）增筑瓮城，"
         "清乾隆十五年（1750年）扩建城楼。1957年因交通原因被拆除，2005年在原址复建城楼。",
         "The central gate of the Outer City's southern wall and the southern end of the axis. Built in 1553 under "
         "the Ming Jiajing Emperor, it was given a barbican in 1564 and a larger gate tower in 1750. The gate was "
         "demolished in 1957 to ease traffic; its tower was rebuilt on the original site in 2005.",
         {"gate", "city-wall", "rebuilt"}},
        {"xiannongtan", "xiannongtan", {0, 40, 10}, {0, -1, 0}, {0, -60, 6}, {0, 50, 8},
         "先农坛", "Temple of Agriculture (Xiannongtan)",
         "先农坛始建于明永乐十八年（1420年），是明清皇帝祭祀先农神并举行亲耕礼的地方。观耕台是皇帝观看王公大臣耕作之处，"
         "清乾隆十九年（1754年）改建为砖石结构。太岁殿用于祭祀太岁神。1991年起，这里成为北京古代建筑博物馆。",
         "Built in 1420, the Altar of the God of Agriculture is where emperors made offerings to Shennong, the "
         "legendary first farmer, and ploughed a ceremonial field to open the farming year. The Guangengtai terrace, "
         "from which the emperor watched his officials finish the ploughing, was rebuilt in brick and stone in 1754. "
         "Taisui Hall honoured the deity of the year. Since 1991 the temple has housed the Beijing Ancient "
         "Architecture Museum.",
         {"altar", "temple", "ming"}},
        {"temple-of-heaven", "temple-of-heaven", {0, -15, 20}, {0, -1, 0}, {0, -140, 8}, {0, 0, 20},
         "天坛祈年殿", "Temple of Heaven: Hall of Prayer for Good Harvests",
         "天坛始建于明永乐十八年（1420年），是明清两代皇帝祭天、祈谷的场所。祈年殿为三重檐圆形大殿，覆蓝色琉璃瓦，"
         "坐落在三层汉白玉圆台（祈谷坛）之上。嘉靖二十四年（1545年）改建为圆形，乾隆十六年（1751年）三层檐改为统一的蓝瓦。"
         "光绪十五年（1889年）遭雷击焚毁，其后按原样重建。天坛1998年列入《世界遗产名录》，也是中轴线遗产的组成部分。",
         "Founded in 1420 under the Yongle Emperor, the Temple of Heaven is where Ming and Qing emperors worshipped "
         "Heaven and prayed for good harvests. The round hall with three eaves of blue glazed tiles stands on a "
         "three-tier white marble altar. It took its round form in 1545, and in 1751 all three roofs were tiled "
         "blue. Struck by lightning and burnt in 1889, it was rebuilt to the old design in the following years. A "
         "World Heritage Site since 1998, it is also a component of the Central Axis.",
         {"altar", "temple", "world-heritage"}},
        {"zhengyangmen-jianlou", "zhengyangmen-jianlou", {0, -13, 20}, {0, -1, 0}, {0, -110, 1.7}, {0, 0, 18},
         "正阳门箭楼", "Zhengyangmen Archery Tower",
         "正阳门箭楼是内城正门的防御建筑，墙上开有四排箭窗。明正统四年（1439年）与城楼、瓮城一同建成，1900年焚毁，"
         "1906年重建。1915年改建时拆除瓮城，并为箭窗加上西式白色弧形窗檐。箭楼高约35米，俯瞰前门大街。",
         "The archery tower guarded the front gate of the Inner City; its walls carry four rows of archery windows. "
         "Completed in 1439 together with the gate tower and barbican, it burned in 1900 and was rebuilt by 1906. In "
         "1915 the barbican was removed and the windows were given Western-style white hoods. At about 35 m it still "
         "looks down Qianmen Street.",
         {"gate", "city-wall", "defence"}},
        {"zhengyangmen", "zhengyangmen", {0, 12, 20}, {0, 1, 0}, {0, 120, 2}, {0, 0, 22},
         "正阳门", "Zhengyangmen (Qianmen)",
         "正阳门俗称前门，是北京内城的正南门。始建于明永乐十七年（1419年），原名丽正门，正统四年（1439年）建成城楼、箭楼和瓮城后"
         "改称正阳门。1900年被焚毁，1903至1906年重建。城楼高约43米，是北京现存最高的城门。",
         "Zhengyangmen, known as Qianmen (the Front Gate), was the main southern gate of the Inner City. Built in "
         "1419 as Lizhengmen, it was renamed in 1439 when its gate tower, archery tower and barbican were finished. "
         "Burnt in 1900, it was rebuilt in 1903-1906. At some 43 m it is the tallest surviving city gate of Beijing.",
         {"gate", "city-wall"}},
        {"tiananmen", "tiananmen", {0, -20, 10}, {0, -1, 0}, {0, -160, 1.7}, {0, 0, 15},
         "天安门", "Tiananmen (Gate of Heavenly Peace)",
         "天安门是皇城的正门，明永乐十八年（1420年）始建，称承天门。成化元年（1465年）重建，清顺治八年（1651年）重修后改称天安门。"
         "红色城台开五个券门，中门为皇帝专用。1949年10月1日，中华人民共和国开国大典在此举行。1969至1970年按原样翻建。",
         "The Gate of Heavenly Peace was the front gate of the Imperial City. Built in 1420 as Chengtianmen, it was "
         "rebuilt in 1465 and again in 1651, when it took its present name. Five arched passages pierce its red "
         "platform; the middle one was reserved for the emperor. On 1 October 1949 the founding of the People's "
         "Republic of China was proclaimed from its rostrum. The tower was taken down and rebuilt to the same design "
         "in 1969-1970.",
         {"gate", "imperial-city"}},
        {"duanmen", "duanmen", {0, -18, 10}, {0, -1, 0}, {0, -90, 1.7}, {0, 0, 15},
         "端门", "Duanmen (Gate of Uprightness)",
         "端门位于天安门与午门之间，形制与天安门相同。始建于明永乐十八年（1420年），明清时期用于存放皇帝的仪仗用品。",
         "Duanmen stands between Tiananmen and the Meridian Gate and repeats Tiananmen's form. Built in 1420, it "
         "stored the emperor's ceremonial regalia in the Ming and Qing dynasties.",
         {"gate", "imperial-city"}},
        {"wumen", "wumen", {0, -18, 10}, {0, -1, 0}, {0, -200, 1.7}, {0, 0, 18},
         "午门", "Meridian Gate (Wumen)",
         "午门是紫禁城的正门，平面呈凹字形，中央城台上建九间重檐庑殿顶城楼，两翼建有廊庑和阙亭，俗称“五凤楼”。"
         "始建于明永乐十八年（1420年），清顺治四年（1647年）重建。明清时期在此颁布诏书、颁发历书并举行献俘礼。今为故宫博物院的入口。",
         "The Meridian Gate is the main entrance of the Forbidden City. Its U-shaped plan, with a nine-bay hall "
         "under a double hip roof on the central platform and galleries and pavilions on the two arms, earned it the "
         "name \"Five Phoenix Towers\". Built in 1420 and rebuilt in 1647, it was where imperial edicts and the "
         "calendar were proclaimed and victorious armies presented their captives. Today it is the entrance to the "
         "Palace Museum.",
         {"gate", "forbidden-city", "palace-museum"}},
        {"taihedian", "taihedian", {0, -17, 20}, {0, -1, 0}, {0, -150, 1.7}, {0, 0, 20},
         "太和殿", "Hall of Supreme Harmony (Taihedian)",
         "太和殿是紫禁城中规模最大的殿宇，是皇帝登基和举行重大典礼的场所。始建于明永乐十八年（1420年），屡毁屡建，"
         "现存建筑为清康熙三十四年（1695年）重建。面阔十一间，重檐庑殿顶为古建筑屋顶的最高等级，连同三层汉白玉台基高约35米。",
         "The Hall of Supreme Harmony is the largest hall of the Forbidden City, where emperors were enthroned and "
         "the greatest ceremonies were held. First built in 1420, it burned and was rebuilt several times; the "
         "present building dates from 1695. Eleven bays wide under a double hip roof, the highest rank of roof, it "
         "rises about 35 m including its three-tier white marble terrace.",
         {"hall", "forbidden-city", "palace-museum"}},
        {"jingshan", "jingshan", {0, -8, 50}, {0, -1, 0}, {0, -230, 15}, {0, 0, 48},
         "景山万春亭", "Jingshan and Wanchun Pavilion",
         "景山于明永乐年间用挖掘紫禁城护城河的泥土堆筑而成，清顺治十二年（1655年）改称景山。乾隆十六年（1751年）在山脊建五亭，"
         "中峰的万春亭为三重檐四角攒尖顶，位于中轴线上，曾是北京老城的制高点，南望紫禁城，北眺钟鼓楼。1644年，明崇祯帝自缢于景山东麓。",
         "Jingshan was piled up in the early 15th century from the earth dug for the palace moat, and was named "
         "Jingshan in 1655. Five pavilions were added along its ridge in 1751; the triple-eaved Wanchun Pavilion on "
         "the central peak stands on the axis and was long the highest point of the old city, looking south over "
         "the Forbidden City and north to the Drum and Bell Towers. The last Ming emperor, Chongzhen, took his own "
         "life at the eastern foot of the hill in 1644.",
         {"hill", "pavilion", "view"}},
        {"wanning-bridge", "wanning-bridge", {7, 0, 0}, {1, 0, 0}, {60, -40, 3}, {0, 0, 0},
         "万宁桥", "Wanning Bridge",
         "万宁桥又称后门桥，始建于元至元二十二年（1285年），初为木桥，后改为石桥。它跨越连接大运河与积水潭的水道，"
         "桥两侧的石雕镇水兽至今犹存。万宁桥是中轴线上最古老的建筑，至今仍在通行，2000年曾进行修缮。",
         "Wanning Bridge, also called Houmen Bridge, was first built in 1285 under the Yuan dynasty, at first of "
         "wood and later of stone. It carried the axis over the waterway linking the Grand Canal to Jishuitan, and "
         "carved stone water beasts still keep watch from its banks. The oldest structure on the Central Axis, it "
         "still carries traffic; it was restored in 2000.",
         {"bridge", "yuan", "grand-canal"}},
        {"drum-tower", "drum-tower", {0, -17, 20}, {0, -1, 0}, {0, -150, 1.7}, {0, 0, 25},
         "鼓楼", "Drum Tower",
         "鼓楼是古代都城的报时中心。元代即在此建有鼓楼，现存建筑始建于明永乐十八年（1420年），清嘉庆五年（1800年）重修。"
         "楼上原有更鼓25面，用以报更，现仅存一面残破的主鼓。鼓楼高约47米。",
         "The Drum Tower kept the hours for the capital. A drum tower stood here under the Yuan; the present one was "
         "built in 1420 and restored in 1800. Its drums beat the night watches into the early 20th century; of its "
         "original 25 drums only the damaged great drum survives. The tower is about 47 m tall.",
         {"tower", "timekeeping"}},
        {"bell-tower", "bell-tower", {0, 16, 20}, {0, 1, 0}, {0, 110, 1.7}, {0, 0, 25},
         "钟楼", "Bell Tower",
         "钟楼是北京中轴线的北端。始建于明永乐十八年（1420年），后毁于火灾，清乾隆十年（1745年）重建，乾隆十二年（1747年）竣工，"
         "改为砖石结构以防火。楼内悬挂明永乐年间铸造的铜钟，重约63吨，昔日以钟声为全城报时。钟楼高约48米。",
         "The Bell Tower is the northern end of the Central Axis. Built in 1420, it later burned down; in 1745-1747 "
         "it was rebuilt entirely of brick and stone so that it could not burn again. It houses a bronze bell cast "
         "in the Yongle era, weighing about 63 tonnes, whose toll once gave the time to the city. The tower is about "
         "48 m tall.",
         {"tower", "timekeeping", "bell"}},
    };
    return kPois;
}

}  // namespace demo
