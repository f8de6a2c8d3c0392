#include "viewer/kiosk/screen_dpi.h"

#include <cmath>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace axis::viewer::kiosk {

ScreenDpi kioskScreenDpi(const site::LoadedScene& scene, float width, float height) {
    const double inches = scene.site && scene.site->kiosk ? scene.site->kiosk->screenInches : 0.0;
    int mmW = 0, mmH = 0, modeW = 0, modeH = 0;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        glfwGetMonitorPhysicalSize(monitor, &mmW, &mmH);
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) modeW = mode->width, modeH = mode->height;
    }
    return chooseDpi(inches, int(width), int(height), mmW, mmH, modeW, modeH);
}

std::string describeDpi(const ScreenDpi& dpi, const site::LoadedScene& scene) {
    std::string s = "kiosk: screen " + std::to_string(int(std::lround(dpi.dpi))) + " dpi ";
    switch (dpi.source) {
        case DpiSource::Setting: {
            const double inches = scene.site->kiosk->screenInches;
            return s + "(kiosk.screen_inches " + std::to_string(int(std::lround(inches))) + ")";
        }
        case DpiSource::Monitor:
            return s + "(the monitor's reported size)";
        case DpiSource::Fallback:
            break;
    }
    return s +
           "(a fallback: no kiosk.screen_inches in the site and no sane size from the monitor; set "
           "kiosk.screen_inches for 9 mm touch targets)";
}

}  // namespace axis::viewer::kiosk
