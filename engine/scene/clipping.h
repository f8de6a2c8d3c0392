#pragma once
// Section planes and clip boxes: what a curator cuts away to show a hall's timber frame or a
// terrace's section. All in the site frame, metres. Each plane keeps the half-space its normal
// points into; each box keeps its inside; together they keep what every one of them keeps (so
// a box and a plane make a box cut by the plane). A site may clip all its models, and a model
// may add its own (scene/site.h "clipping").
//
// Everything reduces to half-spaces n.p + d >= 0 (a box is six), which is what the renderer,
// picking and walking test.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.h"

namespace axis {

struct ClipPlane {
    glm::dvec3 normal{0.0, 0.0, 1.0};  ///< Unit length; the kept side.
    double offset = 0.0;               ///< d in n.p + d >= 0.
    bool operator==(const ClipPlane&) const = default;
};

struct ClipBox {
    glm::dvec3 min{0.0}, max{0.0};  ///< min <= max on every axis.
    bool operator==(const ClipBox&) const = default;
};

struct Clipping {
    std::vector<ClipPlane> planes;
    std::vector<ClipBox> boxes;

    bool empty() const { return planes.empty() && boxes.empty(); }
    /// Every plane, then six per box (-x, +x, -y, +y, -z, +z faces), as (n, d).
    std::vector<glm::dvec4> halfSpaces() const;
    /// True when `p` is on the kept side of everything.
    bool keeps(const glm::dvec3& p) const;
    /// True when a sphere is wholly on the cut side of some half-space: nothing of it shows.
    bool cutsAway(const glm::dvec3& centre, double radius) const;
    /// This clipping and `other` together (what both keep).
    Clipping with(const Clipping& other) const;
    bool operator==(const Clipping&) const = default;
};

/// Half-spaces the renderer and tests take at most per draw (a plane each, six per box).
constexpr std::size_t kMaxClipHalfSpaces = 24;

/// The plane n.p + d = 0, its normal made unit length (d scaled with it). A zero or non-finite
/// normal fails; the message says what is wrong, the caller says where.
Expected<ClipPlane> makeClipPlane(const glm::dvec3& normal, double offset);
/// A box; min > max on any axis, or a non-finite corner, fails.
Expected<ClipBox> makeClipBox(const glm::dvec3& min, const glm::dvec3& max);

/// The cuts a share `u` (0..1) of the way from `a` to `b` (a camera path opening a hall): plane
/// normals turned (normalised blend) and offsets moved linearly, box corners moved linearly.
/// nullopt when they do not pair up (different numbers of planes or boxes, or opposite normals).
std::optional<Clipping> mixClipping(const Clipping& a, const Clipping& b, double u);

/// `--clip-plane NX,NY,NZ,D` and `--clip-box MINX,MINY,MINZ,MAXX,MAXY,MAXZ`.
Expected<ClipPlane> parseClipPlane(const std::string& text);
Expected<ClipBox> parseClipBox(const std::string& text);

}  // namespace axis
