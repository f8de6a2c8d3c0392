#include "viewer/window_app.h"

#include <cstdlib>
#include <memory>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "core/log.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/swapchain.h"
#include "nav/framing.h"
#include "nav/orbit.h"
#include "render/image_io.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "viewer/cli_util.h"

namespace axis::viewer {
namespace {

// Input state the GLFW callbacks write and the frame loop reads.
struct Input {
    OrbitController orbit;
    double lastX = 0, lastY = 0;
    bool rotating = false, panning = false;
    double viewHeight = 720;
    bool toggleFullscreen = false;
};

void installCallbacks(GLFWwindow* window, Input& input) {
    glfwSetWindowUserPointer(window, &input);
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
        auto& in = *static_cast<Input*>(glfwGetWindowUserPointer(w));
        glfwGetCursorPos(w, &in.lastX, &in.lastY);
        if (button == GLFW_MOUSE_BUTTON_LEFT) in.rotating = action == GLFW_PRESS;
        if (button == GLFW_MOUSE_BUTTON_RIGHT || button == GLFW_MOUSE_BUTTON_MIDDLE) in.panning = action == GLFW_PRESS;
    });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
        auto& in = *static_cast<Input*>(glfwGetWindowUserPointer(w));
        if (in.rotating) in.orbit.rotate(x - in.lastX, y - in.lastY, in.viewHeight);
        if (in.panning) in.orbit.pan(x - in.lastX, y - in.lastY, in.viewHeight);
        in.lastX = x, in.lastY = y;
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double dy) {
        static_cast<Input*>(glfwGetWindowUserPointer(w))->orbit.zoom(dy);
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
        if (action != GLFW_PRESS) return;
        if (key == GLFW_KEY_ESCAPE) glfwSetWindowShouldClose(w, GLFW_TRUE);
        if (key == GLFW_KEY_F11) static_cast<Input*>(glfwGetWindowUserPointer(w))->toggleFullscreen = true;
    });
}

void setFullscreen(GLFWwindow* window, bool on, const WindowOptions& options) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (on && monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window, nullptr, 64, 64, int(options.width), int(options.height), GLFW_DONT_CARE);
    }
}

VkExtent2D framebufferExtent(GLFWwindow* window) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    return {uint32_t(std::max(w, 0)), uint32_t(std::max(h, 0))};
}

// Everything that lives as long as the window's device.
struct WindowRenderer {
    std::unique_ptr<gpu::Context> context;
    std::unique_ptr<gpu::Swapchain> swapchain;
    std::unique_ptr<render::RenderTarget> target;
    std::unique_ptr<render::SceneRenderer> scene;
    std::unique_ptr<gpu::FrameRing> frames;
    std::vector<std::unique_ptr<render::GpuModel>> models;
    std::vector<render::DrawItem> items;
};

render::TargetDesc targetFor(VkExtent2D extent) {
    render::TargetDesc d;
    d.width = extent.width;
    d.height = extent.height;
    return d;
}

int runLoop(GLFWwindow* window, WindowRenderer& r, Input& input, const WindowOptions& options) {
    bool fullscreen = options.fullscreen;
    uint64_t frameCount = 0;
    while (!glfwWindowShouldClose(window)) {
        glfwPollEvents();
        if (input.toggleFullscreen) {
            input.toggleFullscreen = false;
            setFullscreen(window, fullscreen = !fullscreen, options);
        }
        VkExtent2D extent = framebufferExtent(window);
        if (extent.width == 0 || extent.height == 0) {  // Minimised: nothing to draw into.
            glfwWaitEvents();
            continue;
        }
        if (extent.width != r.swapchain->extent().width || extent.height != r.swapchain->extent().height) {
            r.swapchain->recreate(extent, options.vsync);
            r.frames->waitAll();
            r.target = std::make_unique<render::RenderTarget>(*r.context, targetFor(r.swapchain->extent()));
        }
        auto& frame = r.frames->begin();
        auto index = r.swapchain->acquire(frame.acquired);
        if (!index) {
            r.frames->submit();  // Keep the frame ring consistent; nothing was recorded.
            r.swapchain->recreate(extent, options.vsync);
            continue;
        }
        input.viewHeight = extent.height;
        render::FrameView view;
        view.aspect = double(extent.width) / double(extent.height);
        view.camera = input.orbit.camera();
        const float clear[4] = {0, 0, 0, 1};
        r.target->begin(frame.cmd, clear);
        r.scene->record(frame.cmd, r.target->extent(), view, r.items);
        r.target->end(frame.cmd);
        const bool capture = options.screenshot && ++frameCount >= options.screenshotAfterFrames;
        gpu::Buffer staging;
        if (capture)
            gpu::recordReadback(*r.context, frame.cmd, r.target->resolved(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                staging);
        r.target->copyToSwapchainImage(frame.cmd, r.swapchain->image(*index), r.swapchain->extent());
        r.frames->submit(frame.acquired, VK_PIPELINE_STAGE_2_BLIT_BIT, r.swapchain->renderedSemaphore(*index));
        if (!r.swapchain->present(*index)) r.swapchain->recreate(framebufferExtent(window), options.vsync);
        if (capture) {
            r.frames->waitAll();
            auto status = render::writePng(*options.screenshot, gpu::readStaging(staging, r.target->resolved()));
            if (!status) {
                logError(status.error().message);
                return kExitFailure;
            }
            logInfo("screenshot written to " + options.screenshot->string());
            break;
        }
    }
    r.frames->waitAll();
    if (uint32_t n = r.context->validationMessageCount()) {
        logError(std::to_string(n) + " Vulkan validation message(s) reported");
        return kExitFailure;
    }
    return 0;
}

}  // namespace

bool displayAvailable() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

int runWindow(LoadedScene scene, const std::string& title, const WindowOptions& options) {
    glfwSetErrorCallback([](int, const char* message) { logError(std::string("window: ") + message); });
    if (!glfwInit()) return kExitFailure;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    GLFWwindow* window = glfwCreateWindow(int(options.width), int(options.height), title.c_str(), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return kExitFailure;
    }
    Input input;
    int code = kExitFailure;
    {
        WindowRenderer r;
        gpu::ContextOptions ctxOptions;
        uint32_t extensionCount = 0;
        const char** extensions = glfwGetRequiredInstanceExtensions(&extensionCount);
        for (uint32_t i = 0; i < extensionCount; ++i) ctxOptions.instanceExtensions.push_back(extensions[i]);
        ctxOptions.createSurface = [window](VkInstance instance) {
            VkSurfaceKHR surface = VK_NULL_HANDLE;
            return glfwCreateWindowSurface(instance, window, nullptr, &surface) == VK_SUCCESS ? surface : VK_NULL_HANDLE;
        };
        auto context = gpu::Context::create(ctxOptions);
        if (!context) {
            logError(context.error().message);
        } else {
            r.context = std::move(*context);
            r.swapchain = std::make_unique<gpu::Swapchain>(*r.context, framebufferExtent(window), options.vsync);
            r.target = std::make_unique<render::RenderTarget>(*r.context, targetFor(r.swapchain->extent()));
            r.scene = std::make_unique<render::SceneRenderer>(*r.context, r.target->colorFormat(),
                                                              render::RenderTarget::kDepthFormat, r.target->samples());
            r.frames = std::make_unique<gpu::FrameRing>(*r.context);
            std::vector<glm::dvec3> silhouette;
            for (const auto& m : scene.models) {
                r.models.push_back(r.scene->upload(m.model));
                r.items.push_back({r.models.back().get(), m.modelToSite, m.shading});
                auto pts = samplePositions(m.model, m.modelToSite, 20000);
                silhouette.insert(silhouette.end(), pts.begin(), pts.end());
            }
            VkExtent2D e = r.swapchain->extent();
            Camera start = framePoints(silhouette, {20.0, 20.0, 1.0}, double(e.width) / e.height, 50.0);
            input.orbit.reset(start, glm::length(scene.bounds.center() - start.position));
            installCallbacks(window, input);
            if (options.fullscreen) setFullscreen(window, true, options);
            code = runLoop(window, r, input, options);
        }
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return code;
}

}  // namespace axis::viewer
