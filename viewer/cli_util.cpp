#include "viewer/cli_util.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
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

Expected<nav::ViewAngles> parseViewAngles(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
    nav::ViewAngles v;
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

Expected<std::optional<Clipping>> parseClipping(const std::vector<std::string>& planes,
                                                const std::vector<std::string>& boxes) {
    if (planes.empty() && boxes.empty()) return std::optional<Clipping>();
    Clipping clipping;
    for (const std::string& text : planes) {
        auto plane = parseClipPlane(text);
        if (!plane) return plane.error();
        clipping.planes.push_back(*plane);
    }
    for (const std::string& text : boxes) {
        auto box = parseClipBox(text);
        if (!box) return box.error();
        clipping.boxes.push_back(*box);
    }
    if (clipping.halfSpaces().size() > kMaxClipHalfSpaces)
        return Error{"--clip-plane/--clip-box: at most " + std::to_string(kMaxClipHalfSpaces) +
                     " half-spaces (a plane is one, a box six)"};
    return std::optional<Clipping>(std::move(clipping));
}

Expected<std::optional<bool>> parseShadows(const std::string& text) {
    if (text.empty()) return std::optional<bool>();
    if (text == "on" || text == "off") return std::optional<bool>(text == "on");
    return Error{"--shadows: expected on or off, got '" + text + "'"};
}

Expected<ExposureChoice> parseExposure(const std::string& text) {
    ExposureChoice choice;
    if (text.empty()) return choice;
    if (text == "auto") {
        choice.automatic = true;
        return choice;
    }
    char* end = nullptr;
    choice.ev = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(choice.ev >= -10.0 && choice.ev <= 10.0))
        return Error{"--exposure: expected stops between -10 and 10, or auto, got '" + text + "'"};
    return choice;
}

render::Lighting exposed(render::Lighting light, const ExposureChoice& choice) {
    return render::withExposureEv(light, choice.automatic ? render::autoExposureEv(light) : choice.ev);
}

Expected<render::InspectionMode> parseInspectionMode(const std::string& text) {
    if (auto mode = render::inspectionModeNamed(text)) return *mode;
    return Error{"--mode: expected " + render::inspectionModeChoices() + ", got '" + text + "'"};
}

Expected<render::FrameView::PointSize> parsePointSize(const std::string& text) {
    struct Unit {
        const char* suffix;
        double metres;
    };
    render::FrameView::PointSize size;
    for (const Unit unit : {Unit{"mm", 0.001}, Unit{"cm", 0.01}, Unit{"m", 1.0}}) {
        const std::string suffix = unit.suffix;
        if (text.size() <= suffix.size() || text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        double value = 0;
        if (!parseDouble(text.substr(0, text.size() - suffix.size()), value) || !(value > 0) || value > 1000)
            break;
        size.metres = value * unit.metres;
        return size;
    }
    double pixels = 0;
    const bool px = text.size() > 2 && text.compare(text.size() - 2, 2, "px") == 0;
    if (size.metres == 0 && parseDouble(px ? text.substr(0, text.size() - 2) : text, pixels) && pixels >= 1 && pixels <= 64) {
        size.pixels = pixels;
        return size;
    }
    return Error{"--point-size: expected pixels (1..64) or a length such as 2cm, 5mm or 0.02m, got '" + text + "'"};
}

}  // namespace axis::viewer
