// 360° export: cube faces resampled into an equirectangular frame without seams (on a synthetic
// smooth panorama, and on the renderer's sky), and the MP4's spherical-video metadata.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <sys/wait.h>

#include <glm/gtc/constants.hpp>
#include <nlohmann/json.hpp>

#include "gpu/context.h"
#include "record/equirect.h"
#include "render/offscreen.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

// The direction of equirect pixel (col, row) for heading 0, as equirect.h defines it.
glm::dvec3 directionOf(double col, double row, std::uint32_t w, std::uint32_t h) {
    const double lat = (0.5 - (row + 0.5) / h) * glm::pi<double>();
    const double lon = ((col + 0.5) / w - 0.5) * glm::two_pi<double>();
    return {std::cos(lat) * std::sin(lon), std::cos(lat) * std::cos(lon), std::sin(lat)};
}

int faceOf(const glm::dvec3& d) {
    const glm::dvec3 a = glm::abs(d);
    if (a.z >= a.x && a.z >= a.y) return d.z > 0 ? 4 : 5;
    if (a.y >= a.x) return d.y > 0 ? 0 : 2;
    return d.x > 0 ? 1 : 3;
}

// A smooth panorama: each channel a linear function of the direction.
glm::dvec3 colourOf(const glm::dvec3& d) { return glm::dvec3(128.0) + 100.0 * d; }

// What a pinhole camera with 90° fov sees of colourOf() on face `f`, n x n pixels.
gpu::Rgba8Image syntheticFace(int f, std::uint32_t n) {
    const auto& face = record::cubeFaces()[std::size_t(f)];
    const glm::dvec3 right = glm::cross(face.forward, face.up);
    gpu::Rgba8Image img{n, n, std::vector<std::uint8_t>(std::size_t(n) * n * 4)};
    for (std::uint32_t y = 0; y < n; ++y)
        for (std::uint32_t x = 0; x < n; ++x) {
            const double sx = 2.0 * (x + 0.5) / n - 1.0, sy = 1.0 - 2.0 * (y + 0.5) / n;
            const glm::dvec3 c = colourOf(glm::normalize(face.forward + sx * right + sy * face.up));
            std::uint8_t* p = &img.pixels[(std::size_t(y) * n + x) * 4];
            for (int k = 0; k < 3; ++k) p[k] = std::uint8_t(std::lround(c[k]));
            p[3] = 255;
        }
    return img;
}

int channelStep(const gpu::Rgba8Image& img, std::uint32_t x0, std::uint32_t y0, std::uint32_t x1, std::uint32_t y1) {
    const auto* a = &img.pixels[(std::size_t(y0) * img.width + x0) * 4];
    const auto* b = &img.pixels[(std::size_t(y1) * img.width + x1) * 4];
    int m = 0;
    for (int k = 0; k < 3; ++k) m = std::max(m, std::abs(int(a[k]) - int(b[k])));
    return m;
}

// Where neighbours p, q lie on different faces, the step p -> q must be no larger than the
// steps just before and after it (plus `tolerance`): a seam shows as a lone jump. Returns the
// number of border crossings checked; fails a CHECK for each seam.
// `skip` leaves out pixels by their heading-0 direction (the sun's glow changes too fast for
// the test).
int checkSeams(const gpu::Rgba8Image& img, int tolerance,
               const std::function<bool(const glm::dvec3&)>& skip = {}) {
    const std::uint32_t w = img.width, h = img.height;
    int crossings = 0;
    for (std::uint32_t y = 2; y + 2 < h; ++y)
        for (std::uint32_t x = 2; x + 2 < w; ++x) {
            if (skip && skip(directionOf(x, y, w, h))) continue;
            const int f = faceOf(directionOf(x, y, w, h));
            if (faceOf(directionOf(x + 1, y, w, h)) != f) {
                ++crossings;
                const int around = std::max(channelStep(img, x - 1, y, x, y), channelStep(img, x + 1, y, x + 2, y));
                INFO("horizontal seam at " << x << "," << y);
                CHECK(channelStep(img, x, y, x + 1, y) <= around + tolerance);
            }
            if (faceOf(directionOf(x, y + 1, w, h)) != f) {
                ++crossings;
                const int around = std::max(channelStep(img, x, y - 1, x, y), channelStep(img, x, y + 1, x, y + 2));
                INFO("vertical seam at " << x << "," << y);
                CHECK(channelStep(img, x, y, x, y + 1) <= around + tolerance);
            }
        }
    return crossings;
}

}  // namespace

TEST_CASE("six cube faces resample into a seamless equirectangular panorama", "[record][equirect]") {
    std::array<gpu::Rgba8Image, 6> faces;
    for (int f = 0; f < 6; ++f) faces[std::size_t(f)] = syntheticFace(f, 64);
    const auto pano = record::equirectFromCube(faces, 256, 128);
    REQUIRE(pano.width == 256);
    REQUIRE(pano.height == 128);
    // Every pixel shows its own direction's colour: right faces, right orientation, no seams.
    int worst = 0;
    for (std::uint32_t y = 0; y < 128; ++y)
        for (std::uint32_t x = 0; x < 256; ++x) {
            const glm::dvec3 want = colourOf(directionOf(x, y, 256, 128));
            for (int k = 0; k < 3; ++k)
                worst = std::max(worst, int(std::lround(std::abs(pano.pixels[(std::size_t(y) * 256 + x) * 4 + k] - want[k]))));
        }
    INFO("largest error " << worst);
    CHECK(worst <= 3);
    CHECK(checkSeams(pano, 2) > 500);  // Rounding of both images: up to 1 each.
}

TEST_CASE("cube face cameras turn with the heading and keep the horizon level", "[record][equirect]") {
    Camera c = Camera::fromHeading({1, 2, 3}, 90.0, 20.0, 60.0);
    CHECK(record::headingOf(c) == Approx(90.0));
    const auto cams = record::cubeFaceCameras(c.position, record::headingOf(c), c.nearPlane);
    CHECK(cams[0].forward.x == Approx(1.0));  // Front faces east, level.
    CHECK(cams[0].forward.z == Approx(0.0).margin(1e-12));
    CHECK(cams[1].forward.y == Approx(-1.0));  // Its right is south.
    CHECK(cams[4].forward.z == Approx(1.0));
    for (const auto& cam : cams) CHECK(cam.fovY == Approx(glm::half_pi<double>()));
}

TEST_CASE("the rendered sky stitches without seams across cube faces", "[record][equirect][gpu]") {
    auto context = gpu::Context::create();
    if (!context) test::skip("no Vulkan device");
    render::TargetDesc desc;
    desc.width = desc.height = 64;
    render::OffscreenRenderer renderer(**context, desc);
    // No models: only the sky gradient (and the sun's glow) fills every face.
    auto frame = record::equirectRenderFrame(renderer, {}, 256, 128);
    const double heading = 30.0;
    auto pano = frame(Camera::fromHeading({0, 0, 10}, heading, 0.0, 60.0), 0.0);
    REQUIRE(pano.ok());
    // The sun (shaders/shared.h's AXIS_SUN_DIRECTION) in the heading-0 frame: turned back by the heading.
    const glm::dvec3 sun = glm::normalize(glm::dvec3(0.35, -0.55, 0.76));
    const double a = glm::radians(heading);
    const glm::dvec3 sunLocal(std::cos(a) * sun.x - std::sin(a) * sun.y, std::sin(a) * sun.x + std::cos(a) * sun.y, sun.z);
    const auto nearSun = [&](const glm::dvec3& d) { return glm::dot(d, sunLocal) > std::cos(glm::radians(15.0)); };
    CHECK(checkSeams(*pano, 3, nearSun) > 500);
    CHECK((*context)->validationMessageCount() == 0);
}
