#pragma once
// The kiosk's own bilingual labels (see viewer/ui/text.h for the viewer's).
#include <string>
#include <vector>

#include "viewer/ui/text.h"

namespace axis::viewer::kiosk::text {

inline constexpr UiText kPlaces{"地点", "Places"};
inline constexpr UiText kMap{"地图", "Map"};
inline constexpr UiText kTouchToExplore{"触摸屏幕，开始探索", "Touch the screen to explore"};
inline constexpr UiText kHelpHint{"拖动屏幕环顾四周 · 点选地点或地图前往 · 用箭头行走",
                                  "Drag to look around · Tap a place or the map to go there · Arrows walk"};
inline constexpr UiText kWalkPad{"行走", "Walk"};
inline constexpr UiText kLookPad{"环顾", "Look"};
inline constexpr UiText kEnterPin{"输入管理密码", "Enter the staff PIN"};
inline constexpr UiText kWrongPin{"密码错误", "Wrong PIN"};
inline constexpr UiText kCancel{"取消", "Cancel"};
inline constexpr UiText kClear{"清除", "Clear"};
inline constexpr UiText kOk{"确定", "OK"};
inline constexpr UiText kClose{"关闭", "Close"};
inline constexpr UiText kNorth{"北", "N"};
inline constexpr UiText kYouAreHere{"您在这里", "You are here"};
/// The language buttons name each language in itself, so anyone finds theirs.
inline constexpr const char* kChineseName = "中文";
inline constexpr const char* kEnglishName = "English";

/// Every string above, for the font atlas (it holds only the glyphs in use).
std::vector<std::string> allKioskText();

}  // namespace axis::viewer::kiosk::text
