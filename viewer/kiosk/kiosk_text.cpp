#include "viewer/kiosk/kiosk_text.h"

namespace axis::viewer::kiosk::text {

std::vector<std::string> allKioskText() {
    std::vector<std::string> out{kChineseName, kEnglishName};
    for (const UiText& t : {kPlaces, kMap, kTouchToExplore, kHelpHint, kWalkPad, kLookPad, kEnterPin, kWrongPin,
                            kCancel, kClear, kOk, kClose, kNorth, kYouAreHere}) {
        out.push_back(t.zh);
        out.push_back(t.en);
    }
    return out;
}

}  // namespace axis::viewer::kiosk::text
