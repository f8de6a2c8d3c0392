#pragma once
// Bilingual UI text. Every label exists in Chinese and English; the visitor's language picks one.
#include <string>
#include <vector>

namespace axis::viewer {

enum class Language { Chinese, English };

struct UiText {
    const char* zh;
    const char* en;
    const char* operator()(Language l) const { return l == Language::Chinese ? zh : en; }
};

namespace text {
inline constexpr UiText kExplore{"浏览", "Explore"};
inline constexpr UiText kCurator{"策展", "Curator"};
inline constexpr UiText kWalk{"步行", "Walk"};
inline constexpr UiText kFly{"飞行", "Fly"};
inline constexpr UiText kOrbit{"环绕", "Orbit"};
inline constexpr UiText kModels{"模型", "Models"};
inline constexpr UiText kHelp{"帮助", "Help"};
inline constexpr UiText kStats{"统计", "Stats"};
inline constexpr UiText kLanguage{"English", "中文"};  // The button names the other language.
inline constexpr UiText kVisible{"显示", "Visible"};
inline constexpr UiText kLit{"光照", "Lit"};
inline constexpr UiText kUnlit{"原色", "Unlit"};
inline constexpr UiText kControls{"操作说明", "Controls"};
inline constexpr UiText kFrame{"帧", "Frame"};
inline constexpr UiText kTriangles{"三角形", "Triangles"};
inline constexpr UiText kHiddenClusters{"遮挡剔除的簇", "Hidden clusters"};
inline constexpr UiText kDevice{"设备", "Device"};
inline constexpr UiText kScreenshotSaved{"截图已保存：", "Screenshot saved: "};
inline constexpr UiText kViewpoints{"地点", "Places"};
inline constexpr UiText kGoThere{"前往", "Go there"};
inline constexpr UiText kPrevious{"上一个", "Previous"};
inline constexpr UiText kNext{"下一个", "Next"};
inline constexpr UiText kTags{"标签", "Tags"};
inline constexpr UiText kSun{"日照", "Sun"};
inline constexpr UiText kShadows{"阴影", "Shadows"};
}  // namespace text

/// Every Chinese string above, for building the font atlas's glyph ranges.
std::vector<std::string> allUiText();

/// The help overlay's lines: {keys, what they do} in `language`.
std::vector<std::pair<std::string, std::string>> controlsHelp(Language language);

}  // namespace axis::viewer
