#pragma once
// 360° video frames: six cube faces (90° field of view, square) rendered from the camera's
// position and resampled on the CPU (bilinear) into an equirectangular image, 2:1, longitude
// across (-180° at the left edge, the camera's heading in the middle), latitude down (+90° at
// the top row). The panorama keeps the horizon level: only the path's heading (yaw) turns it;
// its pitch and roll are dropped, since a viewer turns the sphere itself and a tilted horizon
// makes people sick.
#include <array>
#include <span>

#include "record/recorder.h"
#include "render/offscreen.h"

namespace axis::record {

/// A cube face as seen from the camera with heading 0: its view direction and screen up, in the
/// site frame (x east, y north, z up). Screen right is cross(forward, up), as the renderer has it.
struct CubeFace {
    glm::dvec3 forward, up;
};
/// Front (north), right (east), back, left, up (top of the image towards the back), down.
const std::array<CubeFace, 6>& cubeFaces();

/// The six face cameras at `position` for a panorama centred on compass heading `yawDegrees`:
/// fovY 90°, to be rendered square.
std::array<Camera, 6> cubeFaceCameras(const glm::dvec3& position, double yawDegrees, double nearPlane);

/// Compass heading of a camera's view direction in degrees (0 = north); 0 when it looks
/// straight up or down.
double headingOf(const Camera& camera);

/// Resamples six square faces of equal size (rendered by cubeFaceCameras, in cubeFaces() order,
/// top row first) into a width x height equirectangular image. Bilinear within a face; texels
/// outside a face clamp to its edge, which keeps the seams below one texel.
Rgba8Image equirectFromCube(std::span<const Rgba8Image, 6> faces, std::uint32_t width, std::uint32_t height);

/// A RenderFrame giving width x height equirectangular frames from `faceRenderer` (square,
/// about width / 4 on a side: the equator's resolution). Both renderer and items must outlive it.
/// Each face's view is `style` (point size, eye-dome lighting...) with its cube-face camera.
RenderFrame equirectRenderFrame(render::OffscreenRenderer& faceRenderer, std::span<const render::DrawItem> items,
                                std::uint32_t width, std::uint32_t height, const render::FrameView& style = {});

}  // namespace axis::record
