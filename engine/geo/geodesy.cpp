#include "geo/geodesy.h"

#include <cmath>
#include <memory>

#include <proj.h>

namespace axis::geo {
namespace {

using Context = std::unique_ptr<PJ_CONTEXT, decltype(&proj_context_destroy)>;
using Transform = std::unique_ptr<PJ, decltype(&proj_destroy)>;

std::string projError(PJ_CONTEXT* context) {
    const int code = proj_context_errno(context);
    return code ? proj_context_errno_string(context, code) : "unknown PROJ error";
}

}  // namespace

Expected<Geodetic> geodeticFromEcef(const glm::dvec3& ecef) {
    if (!std::isfinite(ecef.x + ecef.y + ecef.z)) return Error{"earth-centred point is not finite"};
    // A context per call: PROJ objects may not be shared between threads, and models open on
    // worker threads.
    Context context(proj_context_create(), proj_context_destroy);
    if (!context) return Error{"PROJ: cannot create a context"};
    Transform raw(proj_create_crs_to_crs(context.get(), "EPSG:4978", "EPSG:4979", nullptr), proj_destroy);
    if (!raw) return Error{"PROJ: no transformation from EPSG:4978 to EPSG:4979: " + projError(context.get())};
    // Longitude first, degrees, whatever the CRS's own axis order.
    Transform transform(proj_normalize_for_visualization(context.get(), raw.get()), proj_destroy);
    if (!transform) return Error{"PROJ: " + projError(context.get())};
    const PJ_COORD out = proj_trans(transform.get(), PJ_FWD, proj_coord(ecef.x, ecef.y, ecef.z, 0.0));
    if (!std::isfinite(out.lpzt.lam + out.lpzt.phi + out.lpzt.z))
        return Error{"PROJ: cannot convert the earth-centred point: " + projError(context.get())};
    return Geodetic{out.lpzt.phi, out.lpzt.lam, out.lpzt.z};
}

glm::dmat3 enuFromEcef(const Geodetic& at) {
    const double lat = glm::radians(at.latitude), lon = glm::radians(at.longitude);
    const glm::dvec3 east(-std::sin(lon), std::cos(lon), 0.0);
    const glm::dvec3 north(-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat));
    const glm::dvec3 up(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
    return glm::transpose(glm::dmat3(east, north, up));  // Rows east, north, up.
}

}  // namespace axis::geo
