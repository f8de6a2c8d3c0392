#pragma once
// XInput touch records to the viewer's fingers. X names a touch by (device, touch id), ids that
// grow without bound over a day; the gesture code wants small finger numbers, one per finger on
// the glass. A touch that was already down when the viewer started listening (its begin never
// seen) is ignored until it ends, rather than appearing from nowhere mid-gesture.
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "viewer/input.h"
#include "viewer/touch/touch_record.h"

namespace axis::viewer::touch {

class TouchDecoder {
public:
    /// The finger event `record` means, or nullopt for one to ignore (an update or end of a touch
    /// whose begin was not seen, a second begin of a touch already down).
    std::optional<TouchEvent> decode(const TouchRecord& record);
    /// Fingers down now.
    std::size_t fingersDown() const { return fingers_.size(); }

private:
    int lowestFreeFinger() const;

    std::map<std::pair<int, std::uint32_t>, int> fingers_;  ///< (device, touch id) -> finger.
};

}  // namespace axis::viewer::touch
