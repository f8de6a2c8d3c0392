#pragma once
// Camera matrices. The view is a pure rotation: translations are taken relative to the camera in
// double precision before they reach float, so far-from-origin sites do not jitter. Projection is
// reversed Z with an infinite far plane (depth 1 at the near plane, 0 at infinity), and y points
// down in clip space as Vulkan expects.
#include <glm/glm.hpp>

#include "scene/camera.h"

namespace axis::render {

glm::mat4 viewRotation(const Camera& camera);
glm::mat4 projection(const Camera& camera, double aspect);

/// Model -> world-aligned frame centred on the camera, computed in double then narrowed.
glm::mat4 cameraRelative(const glm::dmat4& modelToSite, const Camera& camera);

}  // namespace axis::render
