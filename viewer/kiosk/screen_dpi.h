#pragma once
// The DPI of the kiosk's screen, for its layout (kiosk_layout.h): the site's kiosk.screen_inches,
// else what the primary monitor reports through GLFW, else 96.
#include <string>

#include "site/scene_loader.h"
#include "viewer/kiosk/kiosk_layout.h"

namespace axis::viewer::kiosk {

/// For a `width` x `height` pixel window that stands for the exhibit screen (the whole monitor
/// when fullscreen; with --size, the screen being tried out). Call after glfwInit.
ScreenDpi kioskScreenDpi(const site::LoadedScene& scene, float width, float height);

/// "kiosk: screen 80 dpi (kiosk.screen_inches 55)", for the log.
std::string describeDpi(const ScreenDpi& dpi, const site::LoadedScene& scene);

}  // namespace axis::viewer::kiosk
