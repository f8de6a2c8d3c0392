#pragma once
// The kiosk's own labels, keys of the UI string catalogues (see viewer/ui/text.h). The language
// buttons name each language in itself (its catalogue's "name"), so anyone finds theirs.
#include "viewer/ui/text.h"

namespace axis::viewer::kiosk::text {

inline constexpr UiText kPlaces{"kiosk.places"};
inline constexpr UiText kMap{"kiosk.map"};
inline constexpr UiText kTouchToExplore{"kiosk.touch_to_explore"};
inline constexpr UiText kHelpHint{"kiosk.help_hint"};
inline constexpr UiText kWalkPad{"kiosk.walk_pad"};
inline constexpr UiText kLookPad{"kiosk.look_pad"};
inline constexpr UiText kEnterPin{"kiosk.enter_pin"};
inline constexpr UiText kWrongPin{"kiosk.wrong_pin"};
inline constexpr UiText kCancel{"kiosk.cancel"};
inline constexpr UiText kClear{"kiosk.clear"};
inline constexpr UiText kOk{"kiosk.ok"};
inline constexpr UiText kClose{"kiosk.close"};
inline constexpr UiText kNorth{"kiosk.north"};
inline constexpr UiText kYouAreHere{"kiosk.you_are_here"};

}  // namespace axis::viewer::kiosk::text
