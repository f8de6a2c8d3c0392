#include <catch2/catch.hpp>

#include <cmath>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"

using namespace axis;

// Photogrammetry has its light baked in: unlit shading must put each texel on screen unchanged.
TEST_CASE("unlit shading reproduces a texture's texels within 1/255 in sRGB", "[render][fidelity]") {
    auto ctx = test::makeValidatedContext();
    constexpr uint32_t kSize = 256;
    Texture texture = test::makeGradientTexture(kSize);
    const auto texels = texture.levels[0].rgba;
    Model quad = test::makeQuad(1.0f, std::move(texture));

    render::TargetDesc desc;
    desc.width = desc.height = kSize;
    // One sample per pixel: with MSAA, samples on the quad's exact border may miss it and blend in
    // the background, which is an edge effect and not what this test is about.
    desc.samples = VK_SAMPLE_COUNT_1_BIT;
    render::OffscreenRenderer renderer(*ctx, desc);
    auto gm = renderer.scene().upload(quad);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.fovY = glm::radians(60.0);
    // At this distance the 2 m quad exactly fills the view: one texel per pixel.
    view.camera.position = {0.0, 0.0, 1.0 / std::tan(view.camera.fovY / 2)};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    auto image = renderer.render(view, {&item, 1});

    int worst = 0;
    size_t worstIndex = 0;
    for (size_t i = 0; i < texels.size(); ++i) {
        int d = std::abs(int(image.pixels[i]) - int(texels[i]));
        if (d > worst) worst = d, worstIndex = i;
    }
    INFO("largest texel difference: " << worst << " at pixel " << (worstIndex / 4) % kSize << ","
                                      << (worstIndex / 4) / kSize << " channel " << worstIndex % 4);
    if (worst > 1) WARN("actual image: " << test::writeTestOutput("unlit_fidelity.actual", image));
    CHECK(worst <= 1);
    REQUIRE(ctx->validationMessageCount() == 0);
}
