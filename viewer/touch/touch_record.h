#pragma once
// One XInput 2.2 touch event as the viewer keeps it: what decoding needs, in a form that can be
// written to a text file and read back, so that a sequence recorded on a real touch screen
// (`axisview view --record-touch FILE`) replays in tests exactly as it arrived.
//
// A recording is one event a line, '#' starts a comment:
//   TIME KIND DEVICE TOUCH X Y [emulating]
//   0.0160 begin 11 23 512.00 300.00 emulating
// TIME in seconds from the first event, KIND begin|update|end, DEVICE the slave device that
// produced it (XIDeviceEvent::sourceid), TOUCH its touch id (::detail), X Y window coordinates
// (::event_x, ::event_y); "emulating" when the server also emulates the pointer with this touch.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.h"

namespace axis::viewer::touch {

struct TouchRecord {
    enum Kind { Begin, Update, End } kind = Begin;
    double time = 0.0;
    int device = 0;
    std::uint32_t touch = 0;
    glm::dvec2 position{0.0};
    bool emulatingPointer = false;
};

/// The record as one line of a recording (no newline).
std::string formatTouchRecord(const TouchRecord& record);
/// One line back; an error says what is wrong with it (the caller adds the file and line).
Expected<TouchRecord> parseTouchRecord(const std::string& line);
/// A whole recording; an error names the file and the line.
Expected<std::vector<TouchRecord>> readTouchRecording(const std::filesystem::path& file);

}  // namespace axis::viewer::touch
