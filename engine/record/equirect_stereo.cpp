#include "record/equirect_stereo.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include <glm/gtc/constants.hpp>

#include "record/equirect.h"

namespace axis::record {
namespace {

constexpr double kPi = glm::pi<double>();

// Two output pixels of angle around every view: bilinear sampling at a view's edge then reads
// rendered texels, not clamped ones.
double marginOf(std::uint32_t width) { return 2.0 * 2.0 * kPi / double(width); }

double sliceHalfAngle(const StereoSettings& s) { return kPi / double(std::max(1, s.sectors)); }

// Tangent of a slice's half width, and of its half height: tall enough that its corners still
// reach kStereoFadeEnd (a pinhole's rows bend down away from its centre column).
double sliceTanX(const StereoSettings& s, std::uint32_t width) { return std::tan(sliceHalfAngle(s) + marginOf(width)); }
double sliceTanY(const StereoSettings& s, std::uint32_t width) {
    const double m = marginOf(width);
    return std::tan(glm::radians(kStereoFadeEnd) + m) / std::cos(sliceHalfAngle(s) + m);
}

// Compass rotation as in equirect.cpp: heading 0 turned to heading `yawDegrees`.
glm::dvec3 turn(const glm::dvec3& v, double yawDegrees) {
    const double a = glm::radians(yawDegrees), c = std::cos(a), s = std::sin(a);
    return {c * v.x + s * v.y, -s * v.x + c * v.y, v.z};
}

// Horizontal unit vector at longitude `lon` (0 north, +pi/2 east) and the right-hand side of it.
glm::dvec3 ahead(double lon) { return {std::sin(lon), std::cos(lon), 0.0}; }
glm::dvec3 rightOf(double lon) { return {std::cos(lon), -std::sin(lon), 0.0}; }

// Slice k is centred on longitude -180° + k * 360° / sectors: one slice looks straight along the
// heading, where people look most, rather than a seam between two.
double sliceCentre(int k, int sectors) { return -kPi + k * 2.0 * kPi / sectors; }

// The slice whose centre is nearest a column's longitude (slice 0 wraps round the frame's edges).
std::size_t sliceOf(std::uint32_t col, std::uint32_t width, std::size_t sectors) {
    return std::size_t(std::floor((col + 0.5) / width * double(sectors) + 0.5)) % sectors;
}

// Strips through the pole cover the cap above kStereoFadeStart: a point lies within
// pi / (2 * count) of some strip's long axis, so its distance across (in the cap's tangent
// plane) stays inside the strip's half width, less a pixel's worth for the bilinear sample.
int capStripCount(double tanX) {
    const double reach = std::tan(glm::radians(90.0 - kStereoFadeStart));
    const double spread = std::asin(std::min(1.0, 0.9 * tanX / reach));
    return std::max(1, int(std::ceil(0.5 * kPi / spread)));
}

double capTanY(std::uint32_t width) { return std::tan(glm::radians(90.0 - kStereoFadeStart) + marginOf(width)); }

// A view's image plane, for projecting directions into it: pixels across per unit tangent.
struct Projector {
    glm::dvec3 forward, right, up;
    double scaleX, scaleY;
    const Rgba8Image* image;

    Projector(const PanoramaView& v, const Rgba8Image& img)
        : forward(v.forward),
          right(glm::cross(v.forward, v.up)),
          up(v.up),
          scaleX(0.5 * img.width / v.tanHalfX),
          scaleY(0.5 * img.height / v.tanHalfY),
          image(&img) {}

    // Bilinear colour (0..255 per channel) of direction d, clamped to the image's edge.
    glm::dvec4 sample(const glm::dvec3& d) const {
        const double depth = glm::dot(d, forward);
        const double x = 0.5 * image->width + glm::dot(d, right) / depth * scaleX;
        const double y = 0.5 * image->height - glm::dot(d, up) / depth * scaleY;
        return bilinear(std::clamp(x - 0.5, 0.0, image->width - 1.0), std::clamp(y - 0.5, 0.0, image->height - 1.0));
    }

    glm::dvec4 bilinear(double x, double y) const {
        const auto x0 = std::uint32_t(x), y0 = std::uint32_t(y);
        const std::uint32_t x1 = std::min(x0 + 1, image->width - 1), y1 = std::min(y0 + 1, image->height - 1);
        const double fx = x - x0, fy = y - y0;
        const auto px = [this](std::uint32_t xx, std::uint32_t yy) {
            const std::uint8_t* p = &image->pixels[(std::size_t(yy) * image->width + xx) * 4];
            return glm::dvec4(p[0], p[1], p[2], p[3]);
        };
        return glm::mix(glm::mix(px(x0, y0), px(x1, y0), fx), glm::mix(px(x0, y1), px(x1, y1), fx), fy);
    }
};

// How much of an eye's own view a latitude shows: 1 up to the fade's start, smoothly 0 at its end.
double eyeWeight(double latitude) {
    const double t = std::clamp(
        (std::abs(glm::degrees(latitude)) - kStereoFadeStart) / (kStereoFadeEnd - kStereoFadeStart), 0.0, 1.0);
    return 1.0 - t * t * (3.0 - 2.0 * t);
}

// The strip of a cap whose long axis lies nearest the direction's azimuth (strips repeat every pi).
std::size_t capStripOf(const glm::dvec3& d, std::size_t strips) {
    double a = std::atan2(d.x, d.y);
    if (a < 0.0) a += kPi;
    return std::size_t(std::lround(a / (kPi / double(strips)))) % strips;
}

// One eye's half of the frame: rows [0, width / 2) of `out` from `rowOffset` on.
void stitchEye(const std::vector<Projector>& slices, const std::vector<Projector>& caps, std::uint32_t width,
               std::uint32_t rowOffset, Rgba8Image& out) {
    const std::uint32_t height = width / 2;
    const std::size_t strips = caps.size() / 2;
    std::vector<glm::dvec2> columns(width);  // sin and cos of each column's longitude, once per frame.
    for (std::uint32_t col = 0; col < width; ++col) {
        const double lon = ((col + 0.5) / width - 0.5) * 2.0 * kPi;
        columns[col] = {std::sin(lon), std::cos(lon)};
    }
    for (std::uint32_t row = 0; row < height; ++row) {
        const double lat = (0.5 - (row + 0.5) / height) * kPi;
        const double weight = eyeWeight(lat);
        for (std::uint32_t col = 0; col < width; ++col) {
            const glm::dvec3 d(std::cos(lat) * columns[col].x, std::cos(lat) * columns[col].y, std::sin(lat));
            glm::dvec4 c(0.0);
            if (weight > 0.0) {
                c += weight * slices[sliceOf(col, width, slices.size())].sample(d);
            }
            if (weight < 1.0) c += (1.0 - weight) * caps[(lat > 0 ? 0 : strips) + capStripOf(d, strips)].sample(d);
            std::uint8_t* p = &out.pixels[(std::size_t(row + rowOffset) * width + col) * 4];
            for (int i = 0; i < 4; ++i) p[i] = std::uint8_t(std::lround(std::clamp(c[i], 0.0, 255.0)));
        }
    }
}

std::vector<Projector> projectors(const std::vector<PanoramaView>& views, std::span<const Rgba8Image> images) {
    std::vector<Projector> out;
    for (std::size_t i = 0; i < views.size(); ++i) out.emplace_back(views[i], images[i]);
    return out;
}

Camera cameraOf(const PanoramaView& v, double nearPlane) {
    Camera c;
    c.position = v.position;
    c.forward = v.forward;
    c.up = v.up;
    c.fovY = 2.0 * std::atan(v.tanHalfY);
    c.nearPlane = nearPlane;
    return c;
}

}  // namespace

TargetSize stereoTargetSize(std::uint32_t width, const StereoSettings& settings) {
    const double pixelsPerTan = double(width) / (2.0 * kPi);  // The equator's pixels per radian.
    const auto even = [](double v) { return std::max(2u, 2 * std::uint32_t(std::ceil(v / 2.0))); };
    return {even(2.0 * sliceTanX(settings, width) * pixelsPerTan),
            even(2.0 * sliceTanY(settings, width) * pixelsPerTan)};
}

StereoLayout stereoLayout(const glm::dvec3& position, double yawDegrees, const StereoSettings& settings,
                          std::uint32_t width) {
    StereoLayout layout;
    const int sectors = std::max(1, settings.sectors);
    const double tanX = sliceTanX(settings, width), tanY = sliceTanY(settings, width);
    for (int eye = 0; eye < 2; ++eye) {
        const double side = eye == 0 ? -0.5 : 0.5;  // The left eye sits to the left of each direction.
        for (int k = 0; k < sectors; ++k) {
            const double lon = sliceCentre(k, sectors);
            PanoramaView v;
            v.position = position + turn(side * settings.eyeSeparation * rightOf(lon), yawDegrees);
            v.forward = turn(ahead(lon), yawDegrees);
            v.up = {0, 0, 1};
            v.tanHalfX = tanX;
            v.tanHalfY = tanY;
            layout.eyes[eye].push_back(v);
        }
    }
    const int strips = capStripCount(tanX);
    for (const double vertical : {1.0, -1.0})
        for (int m = 0; m < strips; ++m) {
            PanoramaView v;
            v.position = position;
            v.forward = {0, 0, vertical};
            v.up = turn(ahead(m * kPi / strips), yawDegrees);
            v.tanHalfX = tanX;
            v.tanHalfY = capTanY(width);
            layout.caps.push_back(v);
        }
    return layout;
}

Rgba8Image stereoFromViews(const StereoLayout& layout, std::span<const Rgba8Image> eyeViews0,
                           std::span<const Rgba8Image> eyeViews1, std::span<const Rgba8Image> capViews,
                           std::uint32_t width) {
    Rgba8Image out{width, width, std::vector<std::uint8_t>(std::size_t(width) * width * 4)};
    const std::vector<Projector> caps = projectors(layout.caps, capViews);
    const std::vector<Projector> left = projectors(layout.eyes[0], eyeViews0),
                                 right = projectors(layout.eyes[1], eyeViews1);
    // The eyes write separate halves from read-only views: one on a thread of its own, since the
    // device sits idle while the frame is stitched. The bytes do not depend on the split.
    std::thread other([&] { stitchEye(right, caps, width, width / 2, out); });
    stitchEye(left, caps, width, 0, out);
    other.join();
    return out;
}

RenderFrame equirectStereoRenderFrame(render::OffscreenRenderer& renderer, std::span<const render::DrawItem> items,
                                      std::uint32_t width, const StereoSettings& settings,
                                      const render::FrameView& style) {
    return [&renderer, items, width, settings, style](const Camera& camera, double) -> Expected<Rgba8Image> {
        // Drawn at the origin's heading, sampled in heading-0 terms: the same views, unturned.
        const StereoLayout drawn = stereoLayout(camera.position, headingOf(camera), settings, width);
        const StereoLayout local = stereoLayout(glm::dvec3(0.0), 0.0, settings, width);
        const auto renderAll = [&](const std::vector<PanoramaView>& views) {
            std::vector<Rgba8Image> images;
            for (const PanoramaView& v : views) {
                render::FrameView view = style;
                view.camera = cameraOf(v, camera.nearPlane);
                view.aspect = v.tanHalfX / v.tanHalfY;
                images.push_back(renderer.render(view, items));
            }
            return images;
        };
        const auto left = renderAll(drawn.eyes[0]), right = renderAll(drawn.eyes[1]), caps = renderAll(drawn.caps);
        return stereoFromViews(local, left, right, caps, width);
    };
}

}  // namespace axis::record
