#pragma once
// Inspection modes: ways of showing a scan that let a curator judge its shape, its normals, its
// triangles and its texture resolution rather than its look. Chosen per frame (FrameView), they
// change the mesh pipelines' fragment shading only; geometry, LOD and culling are untouched.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace axis::render {

enum class InspectionMode : std::uint8_t {
    Off,           ///< The surface as its shading says (lit or unlit).
    Clay,          ///< No texture or colour, lit by the sun and sky: the shape alone.
    Normals,       ///< Site-frame normals as colours (x east red, y north green, z up blue).
    Wireframe,     ///< The surface as shaded, with its triangles' edges drawn over it.
    TexelDensity,  ///< Texels per metre of surface: blue 10/m, green ~300/m, red 10,000/m.
    VertexColour,  ///< The vertex colours alone, unlit.
};

/// The CLI's names: off, clay, normals, wireframe, texel-density, vertex-colour.
std::string_view inspectionModeName(InspectionMode mode);
std::optional<InspectionMode> inspectionModeNamed(std::string_view name);
/// "off|clay|normals|..." for help texts and error messages.
std::string inspectionModeChoices();
/// The mode after `mode`, wrapping: the window's key cycles through them.
InspectionMode nextInspectionMode(InspectionMode mode);

}  // namespace axis::render
