#pragma once
// Chinese roofs: concave slopes (gentle at the eaves, steep near the ridge) and eave corners that
// turn up. All centred on the origin of the current placement, ridge along x.
#include <string>

#include "mesh.h"

namespace demo {

/// Grid cells per roof face along the eave and up the slope: fewer for the hundreds of hutong
/// houses, more for the landmarks seen up close.
struct RoofDetail {
    int along = 12, up = 6;
};

/// Hip (wudian) roof from the eave rectangle [-A, A] x [-B, B] at z0 up to the inner rectangle
/// [-a, a] x [-b, b] at z1. b = 0 gives a ridge of length 2a (a full hip roof), a = b = 0 a
/// pyramid (a pavilion), a larger inner rectangle a skirt (the lower eave of a double roof).
/// `lift` raises the four eave corners.
void hipRoof(Mesh& m, const std::string& mat, double A, double B, double a, double b, double z0, double z1,
             double lift, RoofDetail detail = {});

/// Gable (yingshan) roof over [-A, A] x [-B, B]: eaves at z0 along y = +-B, ridge at z1 along x.
/// Gable walls of `gableMat` close the ends at x = +-gableX (<= A; the roof overhangs them).
void gableRoof(Mesh& m, const std::string& mat, const std::string& gableMat, double A, double B, double z0,
               double z1, double gableX, RoofDetail detail = {});

/// Gable-and-hip (xieshan) roof: a hip skirt from the eaves up to 45% of the height, a gable roof
/// above it. The most common roof of gate towers and halls on the axis.
void xieshanRoof(Mesh& m, const std::string& mat, const std::string& gableMat, double A, double B, double z0,
                 double z1, double lift);

/// Round conical roof (Temple of Heaven) from radius r0 at z0 to r1 at z1, concave.
void roundRoof(Mesh& m, const std::string& mat, double r0, double r1, double z0, double z1);

/// The ridge beam along x on top of a roof: a small box of roof material.
void ridge(Mesh& m, const std::string& mat, double halfLength, double z);

}  // namespace demo
