#include "render/view_math.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace axis::render {

glm::mat4 viewRotation(const Camera& camera) {
    glm::dvec3 f = glm::normalize(camera.forward);
    glm::dvec3 up = camera.up;
    if (std::abs(glm::dot(f, glm::normalize(up))) > 0.9999) up = glm::dvec3(0, 1, 0);  // Looking straight down.
    return glm::mat4(glm::lookAtRH(glm::dvec3(0.0), f, up));
}

glm::mat4 projection(const Camera& camera, double aspect) {
    const double f = 1.0 / std::tan(camera.fovY * 0.5);
    glm::dmat4 p(0.0);
    p[0][0] = f / aspect;
    p[1][1] = -f;  // Vulkan clip space has y down.
    p[2][2] = 0.0;
    p[2][3] = -1.0;
    p[3][2] = camera.nearPlane;
    return glm::mat4(p);
}

glm::mat4 cameraRelative(const glm::dmat4& modelToSite, const Camera& camera) {
    glm::dmat4 m = modelToSite;
    m[3] = glm::dvec4(glm::dvec3(m[3]) - camera.position, 1.0);
    return glm::mat4(m);
}

}  // namespace axis::render
