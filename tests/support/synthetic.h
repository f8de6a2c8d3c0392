#pragma once
// Small models built in code, so render tests need no files: a UV sphere, a textured box, a
// quad, a point cloud. Positions in metres, z up.
#include <cstdint>

#include "scene/model.h"

namespace axis::test {

/// A UV sphere with per-vertex colours varying with height (lit tests).
Model makeSphere(float radius, int segments, const glm::u8vec4& top, const glm::u8vec4& bottom);

/// An axis-aligned box with each face mapped to the whole of `texture`.
Model makeTexturedBox(const glm::vec3& halfSize, Texture texture);

/// A square in the z = 0 plane from (-h,-h) to (h,h), uv (0,1) at (-h,-h) so the image is upright
/// seen from +z with +y up, carrying `texture` on an unlit-friendly material.
Model makeQuad(float halfSize, Texture texture);

/// A grid of coloured points on a plane.
Model makePointGrid(int side, float spacing);

/// A checkerboard (Color usage, full mip chain) with distinct colours in each quadrant.
Texture makeCheckerTexture(uint32_t size, uint32_t cells);

/// A texture whose every texel differs (for exact-fidelity tests): r = x, g = y, b = x ^ y.
Texture makeGradientTexture(uint32_t size);

}  // namespace axis::test
