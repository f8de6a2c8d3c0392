#include "viewer/touch/xi_touch_source.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>

#include "core/log.h"

namespace axis::viewer::touch {

struct XiTouchSource::Connection {
    Display* display = nullptr;
    int opcode = 0;
    ~Connection() {
        if (display) XCloseDisplay(display);
    }
};

namespace {

// XISelectEvents fails asynchronously (BadAccess when another client of the same window already
// takes its touches); Xlib reports that through a process-wide handler, set only around the sync.
int selectError = 0;
int recordSelectError(Display*, XErrorEvent* event) {
    selectError = event->error_code;
    return 0;
}

bool selectTouches(Display* display, Window window) {
    unsigned char bits[XIMaskLen(XI_LASTEVENT)] = {};
    XISetMask(bits, XI_TouchBegin);
    XISetMask(bits, XI_TouchUpdate);
    XISetMask(bits, XI_TouchEnd);
    XIEventMask mask{XIAllMasterDevices, int(sizeof bits), bits};
    selectError = 0;
    XSync(display, False);
    auto previous = XSetErrorHandler(recordSelectError);
    XISelectEvents(display, window, &mask, 1);
    XSync(display, False);
    XSetErrorHandler(previous);
    return selectError == 0;
}

// `firstTime`: the server time (milliseconds, wrapping every 49 days) of the first event seen;
// recordings count from it, so they read and replay the same anywhere.
std::optional<TouchRecord> recordOf(const XGenericEventCookie& cookie, std::optional<std::uint32_t>& firstTime) {
    const auto* e = static_cast<const XIDeviceEvent*>(cookie.data);
    TouchRecord r;
    switch (cookie.evtype) {
        case XI_TouchBegin: r.kind = TouchRecord::Begin; break;
        case XI_TouchUpdate: r.kind = TouchRecord::Update; break;
        case XI_TouchEnd: r.kind = TouchRecord::End; break;
        default: return std::nullopt;
    }
    if (!firstTime) firstTime = std::uint32_t(e->time);
    r.time = double(std::uint32_t(e->time) - *firstTime) / 1000.0;
    r.device = e->sourceid;
    r.touch = std::uint32_t(e->detail);
    r.position = {e->event_x, e->event_y};
    r.emulatingPointer = (e->flags & XITouchEmulatingPointer) != 0;
    return r;
}

}  // namespace

std::unique_ptr<XiTouchSource> XiTouchSource::open(GLFWwindow* window, std::optional<std::filesystem::path> recording) {
    Display* glfwDisplay = glfwGetX11Display();
    const Window xWindow = glfwDisplay ? glfwGetX11Window(window) : 0;
    if (!xWindow) {
        logInfo("touch: not an X11 window; touch screens work as a mouse");
        return nullptr;
    }
    auto connection = std::make_unique<Connection>();
    connection->display = XOpenDisplay(DisplayString(glfwDisplay));
    int event = 0, error = 0;
    if (!connection->display ||
        !XQueryExtension(connection->display, "XInputExtension", &connection->opcode, &event, &error)) {
        logInfo("touch: the X server has no XInput extension; touch screens work as a mouse");
        return nullptr;
    }
    int major = 2, minor = 2;
    if (XIQueryVersion(connection->display, &major, &minor) != Success || major * 100 + minor < 202) {
        logInfo("touch: the X server has XInput " + std::to_string(major) + "." + std::to_string(minor) +
                ", multi-touch needs 2.2; touch screens work as a mouse");
        return nullptr;
    }
    if (!selectTouches(connection->display, xWindow)) {
        logWarn("touch: another client takes this window's touch events; touch screens work as a mouse");
        return nullptr;
    }
    std::unique_ptr<XiTouchSource> source(new XiTouchSource(std::move(connection)));
    if (recording) {
        source->recording_.open(*recording, std::ios::trunc);
        if (!source->recording_) logWarn(recording->string() + ": cannot write the touch recording");
        else source->recording_ << "# axisview touch recording: TIME KIND DEVICE TOUCH X Y [emulating]\n";
    }
    return source;
}

XiTouchSource::XiTouchSource(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
XiTouchSource::~XiTouchSource() = default;

std::vector<TouchEvent> XiTouchSource::poll() {
    std::vector<TouchEvent> out;
    Display* display = connection_->display;
    while (XPending(display) > 0) {
        XEvent event;
        XNextEvent(display, &event);
        XGenericEventCookie& cookie = event.xcookie;
        if (cookie.type != GenericEvent || cookie.extension != connection_->opcode) continue;
        if (!XGetEventData(display, &cookie)) continue;
        std::optional<TouchRecord> record = recordOf(cookie, firstEventTime_);
        XFreeEventData(display, &cookie);
        if (!record) continue;
        if (recording_.is_open()) recording_ << formatTouchRecord(*record) << '\n' << std::flush;
        if (auto touch = decoder_.decode(*record)) out.push_back(*touch);
    }
    return out;
}

}  // namespace axis::viewer::touch
