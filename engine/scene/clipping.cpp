#include "scene/clipping.h"

#include <cmath>
#include <sstream>

namespace axis {
namespace {

bool finite(const glm::dvec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// "a,b,c,..." into exactly `count` finite numbers.
Expected<std::vector<double>> parseNumbers(const std::string& text, std::size_t count, const std::string& what,
                                           const std::string& shape) {
    std::vector<double> values;
    std::stringstream in(text);
    std::string piece;
    while (std::getline(in, piece, ',')) {
        try {
            std::size_t used = 0;
            const double v = std::stod(piece, &used);
            if (used != piece.size() || !std::isfinite(v)) throw std::invalid_argument(piece);
            values.push_back(v);
        } catch (const std::exception&) {
            return Error{what + ": expected " + shape + ", got '" + text + "'"};
        }
    }
    if (values.size() != count) return Error{what + ": expected " + shape + ", got '" + text + "'"};
    return values;
}

}  // namespace

std::vector<glm::dvec4> Clipping::halfSpaces() const {
    std::vector<glm::dvec4> out;
    for (const ClipPlane& p : planes) out.emplace_back(p.normal, p.offset);
    for (const ClipBox& b : boxes)
        for (int axis = 0; axis < 3; ++axis) {
            glm::dvec3 n(0.0);
            n[axis] = 1.0;
            out.emplace_back(n, -b.min[axis]);   // p >= min
            out.emplace_back(-n, b.max[axis]);   // p <= max
        }
    return out;
}

bool Clipping::keeps(const glm::dvec3& p) const {
    for (const glm::dvec4& h : halfSpaces())
        if (glm::dot(glm::dvec3(h), p) + h.w < 0.0) return false;
    return true;
}

bool Clipping::cutsAway(const glm::dvec3& centre, double radius) const {
    for (const glm::dvec4& h : halfSpaces())
        if (glm::dot(glm::dvec3(h), centre) + h.w < -radius) return true;
    return false;
}

Clipping Clipping::with(const Clipping& other) const {
    Clipping out = *this;
    out.planes.insert(out.planes.end(), other.planes.begin(), other.planes.end());
    out.boxes.insert(out.boxes.end(), other.boxes.begin(), other.boxes.end());
    return out;
}

std::optional<Clipping> mixClipping(const Clipping& a, const Clipping& b, double u) {
    if (a.planes.size() != b.planes.size() || a.boxes.size() != b.boxes.size()) return std::nullopt;
    Clipping out;
    for (std::size_t i = 0; i < a.planes.size(); ++i) {
        auto plane = makeClipPlane(glm::mix(a.planes[i].normal, b.planes[i].normal, u),
                                   glm::mix(a.planes[i].offset, b.planes[i].offset, u));
        if (!plane) return std::nullopt;  // Opposite normals: no plane halfway.
        // makeClipPlane scales d with the normal; the offset is meant as metres along the unit normal.
        plane->offset = glm::mix(a.planes[i].offset, b.planes[i].offset, u);
        out.planes.push_back(*plane);
    }
    for (std::size_t i = 0; i < a.boxes.size(); ++i)
        out.boxes.push_back({glm::mix(a.boxes[i].min, b.boxes[i].min, u), glm::mix(a.boxes[i].max, b.boxes[i].max, u)});
    return out;
}

Expected<ClipPlane> makeClipPlane(const glm::dvec3& normal, double offset) {
    const double length = glm::length(normal);
    if (!finite(normal) || !std::isfinite(offset)) return Error{"not finite"};
    if (length < 1e-12) return Error{"the normal is zero"};
    return ClipPlane{normal / length, offset / length};
}

Expected<ClipBox> makeClipBox(const glm::dvec3& min, const glm::dvec3& max) {
    if (!finite(min) || !finite(max)) return Error{"not finite"};
    for (int axis = 0; axis < 3; ++axis)
        if (min[axis] > max[axis])
            return Error{"min > max on " + std::string(1, "xyz"[axis]) + " (" + std::to_string(min[axis]) + " > " +
                         std::to_string(max[axis]) + ")"};
    return ClipBox{min, max};
}

Expected<ClipPlane> parseClipPlane(const std::string& text) {
    auto v = parseNumbers(text, 4, "--clip-plane", "NX,NY,NZ,D");
    if (!v) return v.error();
    auto plane = makeClipPlane({(*v)[0], (*v)[1], (*v)[2]}, (*v)[3]);
    if (!plane) return Error{"--clip-plane " + text + ": " + plane.error().message};
    return plane;
}

Expected<ClipBox> parseClipBox(const std::string& text) {
    auto v = parseNumbers(text, 6, "--clip-box", "MINX,MINY,MINZ,MAXX,MAXY,MAXZ");
    if (!v) return v.error();
    auto box = makeClipBox({(*v)[0], (*v)[1], (*v)[2]}, {(*v)[3], (*v)[4], (*v)[5]});
    if (!box) return Error{"--clip-box " + text + ": " + box.error().message};
    return box;
}

}  // namespace axis
