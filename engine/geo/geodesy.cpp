#include "geo/geodesy.h"

#include <array>
#include <cmath>
#include <memory>

#include <proj.h>

namespace axis::geo {
namespace {

using Context = std::unique_ptr<PJ_CONTEXT, decltype(&proj_context_destroy)>;
using Object = std::unique_ptr<PJ, decltype(&proj_destroy)>;

std::string projError(PJ_CONTEXT* context) {
    const int code = proj_context_errno(context);
    return code ? proj_context_errno_string(context, code) : "unknown PROJ error";
}

// A transformation from `from` to `to`, with easting/longitude first and degrees for angles.
// A context per use: PROJ objects may not be shared between threads, and models open on workers.
struct Transformation {
    Context context{proj_context_create(), proj_context_destroy};
    Object pj{nullptr, proj_destroy};

    static Expected<Transformation> create(const std::string& from, const std::string& to) {
        Transformation t;
        if (!t.context) return Error{"PROJ: cannot create a context"};
        proj_log_level(t.context.get(), PJ_LOG_NONE);  // Its errors come back through ours.
        Object raw(proj_create_crs_to_crs(t.context.get(), from.c_str(), to.c_str(), nullptr), proj_destroy);
        if (!raw) return Error{"CRS '" + from + "': " + projError(t.context.get())};
        t.pj = Object(proj_normalize_for_visualization(t.context.get(), raw.get()), proj_destroy);
        if (!t.pj) return Error{"CRS '" + from + "': " + projError(t.context.get())};
        return t;
    }

    Expected<glm::dvec3> operator()(const glm::dvec3& p, const std::string& crs) const {
        const PJ_COORD out = proj_trans(pj.get(), PJ_FWD, proj_coord(p.x, p.y, p.z, 0.0));
        const glm::dvec3 q(out.v[0], out.v[1], out.v[2]);
        if (!std::isfinite(q.x + q.y + q.z))
            return Error{"CRS '" + crs + "': cannot convert the point (" + std::to_string(p.x) + ", " +
                         std::to_string(p.y) + ", " + std::to_string(p.z) + "): " + projError(context.get())};
        return q;
    }
};

bool geographic(const std::string& crs) {
    Context context(proj_context_create(), proj_context_destroy);
    proj_log_level(context.get(), PJ_LOG_NONE);
    Object object(proj_create(context.get(), crs.c_str()), proj_destroy);
    if (!object) return false;
    const PJ_TYPE type = proj_get_type(object.get());
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_GEOGRAPHIC_CRS;
}

}  // namespace

Expected<Geodetic> geodeticOf(const std::string& crs, const glm::dvec3& point) {
    if (!std::isfinite(point.x + point.y + point.z)) return Error{"CRS '" + crs + "': the point is not finite"};
    auto transform = Transformation::create(crs, "EPSG:4979");
    if (!transform) return transform.error();
    auto out = (*transform)(point, crs);
    if (!out) return out.error();
    return Geodetic{out->y, out->x, out->z};
}

glm::dvec3 ecefOf(const Geodetic& at) {
    const double a = 6378137.0, f = 1.0 / 298.257223563, e2 = f * (2.0 - f);
    const double lat = glm::radians(at.latitude), lon = glm::radians(at.longitude);
    const double n = a / std::sqrt(1.0 - e2 * std::sin(lat) * std::sin(lat));
    return {(n + at.height) * std::cos(lat) * std::cos(lon), (n + at.height) * std::cos(lat) * std::sin(lon),
            (n * (1.0 - e2) + at.height) * std::sin(lat)};
}

glm::dmat3 enuFromEcef(const Geodetic& at) {
    const double lat = glm::radians(at.latitude), lon = glm::radians(at.longitude);
    const glm::dvec3 east(-std::sin(lon), std::cos(lon), 0.0);
    const glm::dvec3 north(-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat));
    const glm::dvec3 up(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
    return glm::transpose(glm::dmat3(east, north, up));  // Rows east, north, up.
}

Expected<glm::dmat4> crsToEastNorthUp(const std::string& crs, const glm::dvec3& at, const Geodetic& origin) {
    if (!std::isfinite(at.x + at.y + at.z)) return Error{"CRS '" + crs + "': the point is not finite"};
    auto toEcef = Transformation::create(crs, kEarthCentred);
    if (!toEcef) return toEcef.error();
    const glm::dmat3 turn = enuFromEcef(origin);
    const glm::dvec3 originEcef = ecefOf(origin);
    // Steps of about a metre: degrees for a geographic CRS, metres for the rest. Central
    // differences keep the linearisation's error to the third order.
    const double step = geographic(crs) ? 1e-5 : 1.0;
    std::array<glm::dvec3, 7> enu;
    const std::array<glm::dvec3, 7> offsets = {glm::dvec3(0.0),         glm::dvec3(step, 0, 0), glm::dvec3(-step, 0, 0),
                                               glm::dvec3(0, step, 0),  glm::dvec3(0, -step, 0), glm::dvec3(0, 0, 1.0),
                                               glm::dvec3(0, 0, -1.0)};
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        auto ecef = (*toEcef)(at + offsets[i], crs);
        if (!ecef) return ecef.error();
        enu[i] = turn * (*ecef - originEcef);
    }
    glm::dmat4 m(1.0);
    m[0] = glm::dvec4((enu[1] - enu[2]) / (2.0 * step), 0.0);
    m[1] = glm::dvec4((enu[3] - enu[4]) / (2.0 * step), 0.0);
    m[2] = glm::dvec4((enu[5] - enu[6]) / 2.0, 0.0);
    m[3] = glm::dvec4(enu[0], 1.0);
    return m;
}

}  // namespace axis::geo
