#pragma once
// Render-test helpers: a validated Vulkan context (skipped when no device exists) and the
// baseline comparison every render test uses.
#include <memory>
#include <string>

#include <glm/glm.hpp>

#include "gpu/context.h"
#include "render/image_io.h"

namespace axis::test {

/// A context with VK_LAYER_KHRONOS_validation on. No Vulkan device: the test is skipped.
std::unique_ptr<gpu::Context> makeValidatedContext(gpu::ContextOptions options = {});

struct Tolerance {
    int channel = 8;            ///< Per-channel difference a pixel may have and still match (0..255).
    double pixelShare = 0.005;  ///< Share of pixels allowed to exceed `channel`.
};

/// Compares `actual` with tests/baselines/NAME.png within `tolerance`. The score is printed even
/// on success. On failure or a missing baseline, NAME.actual.png and NAME.diff.png are written to
/// build/test-output/ and the message says how to accept them (AXIS_UPDATE_BASELINES=1 rewrites
/// the baseline in the source tree instead).
void requireMatchesBaseline(const std::string& name, const render::Rgba8Image& actual, Tolerance tolerance = {});

/// Writes `image` as build/test-output/NAME.png for a person to look at; returns the path.
std::string writeTestOutput(const std::string& name, const render::Rgba8Image& image);

/// The RGB of pixel (x, y), row 0 at the top.
glm::ivec3 pixelAt(const render::Rgba8Image& image, uint32_t x, uint32_t y);

/// Share of pixels whose colour differs from `background` by more than `threshold` in any channel.
double coverage(const render::Rgba8Image& image, glm::u8vec3 background, int threshold = 12);

}  // namespace axis::test
