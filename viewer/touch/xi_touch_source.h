#pragma once
// Multi-touch from the X server (XInput 2.2 touch events on the viewer's GLFW window). GLFW 3.3
// has no touch API and drops every XInput event it did not ask for, so this listens on a second
// connection to the same display, selecting touch events on GLFW's window: X delivers a touch to
// the client that selected it (and then emulates no mouse for it). Without X11, XInput 2.2 or a
// touch screen, nothing is selected or nothing arrives, and the mouse works as before.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "viewer/input.h"
#include "viewer/touch/touch_decoder.h"

struct GLFWwindow;

namespace axis::viewer::touch {

class XiTouchSource {
public:
    /// Listens for touches on `window`; nullptr (with one line in the log saying why) when the
    /// display cannot deliver them. With `recording`, every touch event received is also written
    /// there (touch_record.h) so a sequence from a real screen can become a test.
    static std::unique_ptr<XiTouchSource> open(GLFWwindow* window, std::optional<std::filesystem::path> recording);
    ~XiTouchSource();
    XiTouchSource(const XiTouchSource&) = delete;
    XiTouchSource& operator=(const XiTouchSource&) = delete;

    /// The finger events that arrived since the last call, in order. Never blocks.
    std::vector<TouchEvent> poll();

private:
    struct Connection;
    explicit XiTouchSource(std::unique_ptr<Connection> connection);

    std::unique_ptr<Connection> connection_;
    TouchDecoder decoder_;
    std::ofstream recording_;
    std::optional<std::uint32_t> firstEventTime_;  ///< X server time of the first touch, ms.
};

}  // namespace axis::viewer::touch
