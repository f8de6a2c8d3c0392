#pragma once
// A private X server for app tests: uses $DISPLAY when one is set, else starts Xvfb on a free
// display number and stops it when destroyed. No X server available: the test is skipped.
#include <string>
#include <sys/types.h>

namespace axis::test {

class VirtualDisplay {
public:
    /// `screen`: Xvfb's screen, WxHxDEPTH (the kiosk's 3840x2160 and portrait tests need more).
    explicit VirtualDisplay(const std::string& screen = "1920x1080x24");
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;

    /// The DISPLAY value to give child processes, e.g. ":93".
    const std::string& display() const { return display_; }

private:
    std::string display_;
    pid_t server_ = -1;
};

}  // namespace axis::test
