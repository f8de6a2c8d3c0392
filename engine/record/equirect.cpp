#include "record/equirect.h"

#include <cmath>

#include <glm/gtc/constants.hpp>

namespace axis::record {
namespace {

// Rotation about z (up) turning heading 0 into heading `yawDegrees` (compass: clockwise seen
// from above, so north turns towards east).
glm::dvec3 turn(const glm::dvec3& v, double yawDegrees) {
    const double a = glm::radians(yawDegrees), c = std::cos(a), s = std::sin(a);
    return {c * v.x + s * v.y, -s * v.x + c * v.y, v.z};
}

// The face a direction leaves the cube through: the axis of its largest component.
int faceOf(const glm::dvec3& d) {
    const glm::dvec3 a = glm::abs(d);
    if (a.z >= a.x && a.z >= a.y) return d.z > 0 ? 4 : 5;
    if (a.y >= a.x) return d.y > 0 ? 0 : 2;
    return d.x > 0 ? 1 : 3;
}

// Bilinear sample at continuous pixel coordinates (texel centres at +0.5), clamped to the edge.
void sample(const Rgba8Image& img, double x, double y, std::uint8_t* out) {
    const double maxX = double(img.width) - 1.0, maxY = double(img.height) - 1.0;
    x = std::clamp(x - 0.5, 0.0, maxX);
    y = std::clamp(y - 0.5, 0.0, maxY);
    const auto x0 = std::uint32_t(x), y0 = std::uint32_t(y);
    const std::uint32_t x1 = std::min(x0 + 1, img.width - 1), y1 = std::min(y0 + 1, img.height - 1);
    const double fx = x - x0, fy = y - y0;
    const auto px = [&](std::uint32_t xx, std::uint32_t yy) { return &img.pixels[(std::size_t(yy) * img.width + xx) * 4]; };
    const std::uint8_t *a = px(x0, y0), *b = px(x1, y0), *c = px(x0, y1), *d = px(x1, y1);
    for (int k = 0; k < 4; ++k) {
        const double top = a[k] + (b[k] - a[k]) * fx, bottom = c[k] + (d[k] - c[k]) * fx;
        out[k] = std::uint8_t(std::lround(top + (bottom - top) * fy));
    }
}

}  // namespace

const std::array<CubeFace, 6>& cubeFaces() {
    static const std::array<CubeFace, 6> faces = {{
        {{0, 1, 0}, {0, 0, 1}},
        {{1, 0, 0}, {0, 0, 1}},
        {{0, -1, 0}, {0, 0, 1}},
        {{-1, 0, 0}, {0, 0, 1}},
        {{0, 0, 1}, {0, -1, 0}},
        {{0, 0, -1}, {0, 1, 0}},
    }};
    return faces;
}

std::array<Camera, 6> cubeFaceCameras(const glm::dvec3& position, double yawDegrees, double nearPlane) {
    std::array<Camera, 6> cameras;
    for (std::size_t i = 0; i < 6; ++i) {
        cameras[i].position = position;
        cameras[i].forward = turn(cubeFaces()[i].forward, yawDegrees);
        cameras[i].up = turn(cubeFaces()[i].up, yawDegrees);
        cameras[i].fovY = glm::half_pi<double>();
        cameras[i].nearPlane = nearPlane;
    }
    return cameras;
}

double headingOf(const Camera& camera) {
    const glm::dvec3 f = camera.forward;
    if (std::hypot(f.x, f.y) < 1e-9) return 0.0;
    double yaw = glm::degrees(std::atan2(f.x, f.y));
    return yaw < 0.0 ? yaw + 360.0 : yaw;
}

Rgba8Image equirectFromCube(std::span<const Rgba8Image, 6> faces, std::uint32_t width, std::uint32_t height) {
    Rgba8Image out{width, height, std::vector<std::uint8_t>(std::size_t(width) * height * 4)};
    const double n = double(faces[0].width);
    for (std::uint32_t row = 0; row < height; ++row) {
        const double lat = (0.5 - (row + 0.5) / height) * glm::pi<double>();
        for (std::uint32_t col = 0; col < width; ++col) {
            const double lon = ((col + 0.5) / width - 0.5) * glm::two_pi<double>();
            // Heading-0 frame: forward is north (+y), right is east (+x).
            const glm::dvec3 d(std::cos(lat) * std::sin(lon), std::cos(lat) * std::cos(lon), std::sin(lat));
            const int f = faceOf(d);
            const CubeFace& face = cubeFaces()[f];
            const glm::dvec3 right = glm::cross(face.forward, face.up);
            const double depth = glm::dot(d, face.forward);
            const double x = glm::dot(d, right) / depth, y = glm::dot(d, face.up) / depth;
            sample(faces[f], (x + 1.0) * 0.5 * n, (1.0 - y) * 0.5 * n, &out.pixels[(std::size_t(row) * width + col) * 4]);
        }
    }
    return out;
}

RenderFrame equirectRenderFrame(render::OffscreenRenderer& faceRenderer, std::span<const render::DrawItem> items,
                                std::uint32_t width, std::uint32_t height, const render::FrameView& style) {
    return [&faceRenderer, items, width, height, style](const Camera& camera, double) -> Expected<Rgba8Image> {
        const auto cameras = cubeFaceCameras(camera.position, headingOf(camera), camera.nearPlane);
        std::array<Rgba8Image, 6> faces;
        for (std::size_t i = 0; i < 6; ++i) {
            render::FrameView view = style;
            view.camera = cameras[i];
            view.aspect = 1.0;
            faces[i] = faceRenderer.render(view, items);
        }
        return equirectFromCube(faces, width, height);
    };
}

}  // namespace axis::record
