#include "viewer/ui/text.h"

namespace axis::viewer {
namespace {

struct HelpLine {
    const char* keys;
    UiText what;
};

const HelpLine kHelp[] = {
    {"W A S D / ↑ ← ↓ →", {"移动", "Move"}},
    {"Shift", {"跑步 / 加速", "Run / faster"}},
    {"Mouse drag / 鼠标拖动", {"环顾四周（环绕模式下旋转）", "Look around (orbit: turn around the point)"}},
    {"Right drag / 右键拖动", {"平移", "Pan"}},
    {"Wheel / 滚轮", {"前进、后退", "Move closer or further"}},
    {"Double-click / 双击", {"前往该处", "Go there"}},
    {"1 2 3", {"步行、飞行、环绕", "Walk, fly, orbit"}},
    {"Space", {"跳跃（步行）", "Jump (walk)"}},
    {"F1 / H", {"显示或隐藏帮助", "Show or hide this help"}},
    {"L", {"中文 / English", "中文 / English"}},
    {"P", {"地点列表", "List of places"}},
    {"M", {"检视模式：黏土、法线、线框、纹素密度、顶点颜色", "Inspection: clay, normals, wireframe, texel density, vertex colours"}},
    {"F2", {"帧统计", "Frame statistics"}},
    {"F11", {"全屏", "Fullscreen"}},
    {"F12", {"截图", "Screenshot"}},
    {"Touch: 1 finger / 单指", {"环顾四周", "Look around"}},
    {"Touch: 2 fingers / 双指", {"捏合移动，拖动平移", "Pinch to move, drag to pan"}},
    {"Gamepad / 手柄", {"摇杆移动与环顾，按键切换模式", "Sticks move and look, buttons switch modes"}},
};

}  // namespace

std::vector<std::string> allUiText() {
    std::vector<std::string> out;
    for (const UiText* t : {&text::kExplore, &text::kCurator, &text::kWalk, &text::kFly, &text::kOrbit, &text::kModels,
                            &text::kHelp, &text::kStats, &text::kLanguage, &text::kVisible, &text::kLit, &text::kUnlit,
                            &text::kControls, &text::kFrame, &text::kTriangles, &text::kHiddenClusters, &text::kDevice,
                            &text::kScreenshotSaved, &text::kViewpoints, &text::kGoThere, &text::kPrevious, &text::kNext,
                            &text::kTags, &text::kSun, &text::kShadows})
        out.push_back(t->zh);
    for (const auto& line : kHelp) {
        out.push_back(line.keys);
        out.push_back(line.what.zh);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> controlsHelp(Language language) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& line : kHelp) out.emplace_back(line.keys, line.what(language));
    return out;
}

}  // namespace axis::viewer
