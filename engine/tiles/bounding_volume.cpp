#include "tiles/bounding_volume.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

#include "geo/geodesy.h"

namespace axis::tiles {
namespace {

using nlohmann::json;

template <std::size_t N>
Expected<std::array<double, N>> numbers(const json& value, const std::string& where, const char* field) {
    if (!value.is_array() || value.size() != N)
        return makeError(where, std::string("boundingVolume.") + field + " needs " + std::to_string(N) + " numbers");
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        if (!value[i].is_number() || !std::isfinite(value[i].get<double>()))
            return makeError(
                where, std::string("boundingVolume.") + field + "[" + std::to_string(i) + "] is not a finite number");
        out[i] = value[i].get<double>();
    }
    return out;
}

Volume around(const std::vector<glm::dvec3>& points) {
    glm::dvec3 lo(INFINITY), hi(-INFINITY);
    for (const auto& p : points) lo = glm::min(lo, p), hi = glm::max(hi, p);
    const glm::dvec3 centre = (lo + hi) * 0.5;
    double r = 0.0;
    for (const auto& p : points) r = std::max(r, glm::length(p - centre));
    return {{centre, r}, points};
}

Volume boxVolume(const std::array<double, 12>& b, const glm::dmat4& toSource) {
    const glm::dvec3 c(b[0], b[1], b[2]), x(b[3], b[4], b[5]), y(b[6], b[7], b[8]), z(b[9], b[10], b[11]);
    std::vector<glm::dvec3> corners;
    for (int i = 0; i < 8; ++i) {
        const glm::dvec3 p = c + ((i & 1) ? x : -x) + ((i & 2) ? y : -y) + ((i & 4) ? z : -z);
        corners.push_back(glm::dvec3(toSource * glm::dvec4(p, 1.0)));
    }
    return around(corners);
}

// A region is curved: its corners alone miss the bulge of the ellipsoid between them, so a grid
// of points over both heights stands in for it.
Expected<Volume> regionVolume(const std::array<double, 6>& r, const std::string& where) {
    const double west = r[0], south = r[1], east = r[2], north = r[3], low = r[4], high = r[5];
    if (south > north || low > high || std::abs(south) > M_PI_2 + 1e-9 || std::abs(north) > M_PI_2 + 1e-9)
        return makeError(where,
                         "boundingVolume.region is not [west, south, east, north, minimum height, maximum height]"
                         " in radians and metres");
    const double span = east >= west ? east - west : east + 2 * M_PI - west;  // Across the antimeridian.
    std::vector<glm::dvec3> points;
    constexpr int kSteps = 4;
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j)
            for (double h : {low, high}) {
                const double lat = south + (north - south) * i / kSteps, lon = west + span * j / kSteps;
                points.push_back(geo::ecefOf({glm::degrees(lat), glm::degrees(lon), h}));
            }
    return around(points);
}

}  // namespace

double largestScale(const glm::dmat4& m) {
    return std::max({glm::length(glm::dvec3(m[0])), glm::length(glm::dvec3(m[1])), glm::length(glm::dvec3(m[2]))});
}

Expected<Volume> boundingVolume(const json& volume, const glm::dmat4& toSource, const std::string& where) {
    if (!volume.is_object()) return makeError(where, "boundingVolume is missing or not an object");
    if (volume.contains("box")) {
        auto box = numbers<12>(volume["box"], where, "box");
        if (!box) return box.error();
        return boxVolume(*box, toSource);
    }
    if (volume.contains("sphere")) {
        auto s = numbers<4>(volume["sphere"], where, "sphere");
        if (!s) return s.error();
        if ((*s)[3] < 0) return makeError(where, "boundingVolume.sphere has a negative radius");
        const glm::dvec3 centre(toSource * glm::dvec4((*s)[0], (*s)[1], (*s)[2], 1.0));
        const double r = (*s)[3] * largestScale(toSource);
        std::vector<glm::dvec3> cube;
        for (int i = 0; i < 8; ++i)
            cube.push_back(centre + glm::dvec3((i & 1) ? r : -r, (i & 2) ? r : -r, (i & 4) ? r : -r));
        return Volume{{centre, r}, std::move(cube)};
    }
    if (volume.contains("region")) {
        auto r = numbers<6>(volume["region"], where, "region");
        if (!r) return r.error();
        return regionVolume(*r, where);
    }
    return makeError(where, "boundingVolume has no box, region or sphere");
}

}  // namespace axis::tiles
