#include "render/inspection_mode.h"

#include <array>
#include <utility>

namespace axis::render {
namespace {

constexpr std::array<std::pair<InspectionMode, std::string_view>, 6> kNames{{
    {InspectionMode::Off, "off"},
    {InspectionMode::Clay, "clay"},
    {InspectionMode::Normals, "normals"},
    {InspectionMode::Wireframe, "wireframe"},
    {InspectionMode::TexelDensity, "texel-density"},
    {InspectionMode::VertexColour, "vertex-colour"},
}};

}  // namespace

std::string_view inspectionModeName(InspectionMode mode) {
    for (const auto& [m, name] : kNames)
        if (m == mode) return name;
    return "off";
}

std::optional<InspectionMode> inspectionModeNamed(std::string_view name) {
    if (name == "vertex-color") return InspectionMode::VertexColour;  // Either spelling.
    for (const auto& [m, n] : kNames)
        if (n == name) return m;
    return std::nullopt;
}

std::string inspectionModeChoices() {
    std::string out;
    for (const auto& [m, name] : kNames) out += (out.empty() ? "" : "|") + std::string(name);
    return out;
}

InspectionMode nextInspectionMode(InspectionMode mode) {
    return static_cast<InspectionMode>((static_cast<int>(mode) + 1) % static_cast<int>(kNames.size()));
}

}  // namespace axis::render
