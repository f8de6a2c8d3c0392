#include "viewer/cli_util.h"

#include <charconv>
#include <cmath>
#include <sstream>
#include <vector>

namespace axis::viewer {
namespace {

bool parseDouble(const std::string& s, double& out) {
    const char* end = s.data() + s.size();
    auto r = std::from_chars(s.data(), end, out);
    return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

}  // namespace

Expected<ImageSize> parseSize(const std::string& text) {
    auto x = text.find_first_of("xX");
    unsigned long w = 0, h = 0;
    if (x != std::string::npos) {
        auto rw = std::from_chars(text.data(), text.data() + x, w);
        auto rh = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (rw.ec == std::errc() && rh.ec == std::errc() && rw.ptr == text.data() + x &&
            rh.ptr == text.data() + text.size() && w >= 1 && h >= 1 && w <= 16384 && h <= 16384)
            return ImageSize{uint32_t(w), uint32_t(h)};
    }
    return Error{"--size: expected WIDTHxHEIGHT between 1 and 16384, got '" + text + "'"};
}

Expected<ViewAngles> parseViewAngles(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
    ViewAngles v;
    double values[3] = {0, 0, 1};
    bool ok = parts.size() >= 2 && parts.size() <= 3;
    for (size_t i = 0; ok && i < parts.size(); ++i) ok = parseDouble(parts[i], values[i]);
    if (!ok || values[2] <= 0 || std::abs(values[1]) > 90)
        return Error{"--view: expected AZIMUTH,ELEVATION[,DISTANCE] (degrees; elevation -90..90; distance > 0), got '" +
                     text + "'"};
    v.azimuthDegrees = values[0];
    v.elevationDegrees = values[1];
    v.distanceScale = values[2];
    return v;
}

}  // namespace axis::viewer
