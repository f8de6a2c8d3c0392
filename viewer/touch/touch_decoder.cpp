#include "viewer/touch/touch_decoder.h"

#include <set>

namespace axis::viewer::touch {

int TouchDecoder::lowestFreeFinger() const {
    std::set<int> used;
    for (const auto& [key, finger] : fingers_) used.insert(finger);
    int finger = 0;
    while (used.count(finger)) ++finger;
    return finger;
}

std::optional<TouchEvent> TouchDecoder::decode(const TouchRecord& record) {
    const std::pair<int, std::uint32_t> key{record.device, record.touch};
    auto it = fingers_.find(key);
    switch (record.kind) {
        case TouchRecord::Begin: {
            if (it != fingers_.end()) return std::nullopt;
            const int finger = lowestFreeFinger();
            fingers_[key] = finger;
            return TouchEvent{finger, TouchEvent::Down, record.position};
        }
        case TouchRecord::Update:
            if (it == fingers_.end()) return std::nullopt;
            return TouchEvent{it->second, TouchEvent::Move, record.position};
        case TouchRecord::End: {
            if (it == fingers_.end()) return std::nullopt;
            const int finger = it->second;
            fingers_.erase(it);
            return TouchEvent{finger, TouchEvent::Up, record.position};
        }
    }
    return std::nullopt;
}

}  // namespace axis::viewer::touch
