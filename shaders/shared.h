// Shared between C++ and GLSL: GPU structs and lighting constants live in one place.
// C++ includes it through render/; GLSL through `#include "shared.h"` (glslc -I shaders).
#ifndef AXIS_SHADERS_SHARED_H
#define AXIS_SHADERS_SHARED_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace axis::shader {
using vec3 = glm::vec3;
using vec4 = glm::vec4;
using ivec2 = glm::ivec2;
using ivec4 = glm::ivec4;
using mat4 = glm::mat4;
using uint = std::uint32_t;
#endif

// Shading modes, a specialisation constant of the mesh pipelines.
#define AXIS_SHADING_UNLIT 0u  // Photogrammetry: light is baked into the texels; show them unchanged.
#define AXIS_SHADING_LIT 1u    // Metallic-roughness PBR under a fixed sun and sky.

// Vertex formats, a specialisation constant of the mesh vertex shader. The attribute formats
// (float or snorm16/unorm16) differ per pipeline; the shader only needs to know the normal's shape.
#define AXIS_VERTEX_PLAIN 0u              // scene/model.h Vertex: float normal.
#define AXIS_VERTEX_BAKED 1u              // asset/baked_vertex.h: octahedral normal in xy.
#define AXIS_VERTEX_BAKED_NO_NORMALS 2u   // Baked, but the source had none: normal (0,0,0), shown unlit.

// Inspection modes (render/inspection_mode.h), a specialisation constant of the mesh pipelines.
#define AXIS_INSPECT_OFF 0u            // The surface as shaded (lit or unlit).
#define AXIS_INSPECT_CLAY 1u           // No texture or colour, lit: the shape alone.
#define AXIS_INSPECT_NORMALS 2u        // Site-frame normals as colours.
#define AXIS_INSPECT_WIREFRAME 3u      // The surface as shaded, its triangle edges over it.
#define AXIS_INSPECT_TEXEL_DENSITY 4u  // Texels per metre of surface, as a colour ramp.
#define AXIS_INSPECT_VERTEX_COLOR 5u   // The vertex colours alone, unlit.
#define AXIS_CLAY_COLOR vec3(0.45, 0.42, 0.38)  // Linear: a warm grey, like unfired clay.
#define AXIS_WIRE_COLOR vec3(0.02, 0.02, 0.02)

#define AXIS_ALPHA_OPAQUE 0u
#define AXIS_ALPHA_MASK 1u
#define AXIS_ALPHA_BLEND 2u

// Lighting for lit shading, in the site frame (x east, y north, z up). By default a late-morning
// sun from the south-east, high enough to light facades that face the axis; `--sun` puts it where
// it stands at a date and time (render/lighting.h), and the frame carries it (DrawParams, SkyPush).
#define AXIS_SUN_DIRECTION vec3(0.35, -0.55, 0.76)  // Towards the sun (normalised where used).
#define AXIS_SUN_RADIANCE 2.3
#define AXIS_SKY_ZENITH vec3(0.22, 0.42, 0.78)      // Linear colours of the sky gradient.
#define AXIS_SKY_HORIZON vec3(0.70, 0.80, 0.90)
#define AXIS_GROUND_COLOR vec3(0.30, 0.28, 0.25)    // Below the horizon, and the ambient bounce.

// Per draw (push constants, 128 bytes: the guaranteed minimum).
struct DrawPush {
    mat4 clipFromModel;    // Projection * view * model, with the translation taken relative to the camera.
    mat4 cameraFromModel;  // Model to a world-aligned frame centred on the camera (for lighting);
                           // its bottom row carries the point size (mesh.vert pointSize).
};

// Eye-dome lighting (render/eye_dome.h; push constants).
struct EyeDomePush {
    ivec2 size;        // Pixels of the target.
    float nearPlane;   // Metres: turns reversed-Z depth into distance.
    float strength;    // 1: Potree's default darkness (its edlStrength 0.4).
    float radius;      // Pixels to the neighbours compared.
    float pad0, pad1, pad2;
};

// Per material (uniform buffer).
struct MaterialParams {
    vec4 baseColorFactor;   // Linear RGBA.
    vec4 emissiveCutoff;    // xyz emissive factor, w alpha cutoff.
    vec4 metalRoughAlpha;   // x metallic, y roughness, z alpha mode, w the base colour texture's source
                            // width when streamed (its image may hold coarser levels only), else 0.
};

// What a mesh draw reads besides its material (render/frame_uniforms.h; set 1, a dynamic uniform
// buffer): the frame's light, and the draw's section planes and clip boxes as half-spaces
// n.q + d >= 0 kept, q the camera-relative position (unused ones: (0,0,0,1)).
#define AXIS_MAX_CLIP_HALF_SPACES 24
#define AXIS_SHADOW_CASCADES 4  // render/shadow_cascades.h says why four.
#define AXIS_CAP_COLOR vec3(0.55, 0.12, 0.08)  // Linear: the cut face of a section, brick red.
struct DrawParams {
    vec4 halfSpaces[AXIS_MAX_CLIP_HALF_SPACES];
    vec4 capColor;      // Linear RGBA of the surfaces seen through a cut from behind (the section).
    vec4 sunDirection;  // xyz: unit, towards the sun; w unused.
    vec4 sunRadiance;   // rgb: the sun's light (AXIS_SUN_RADIANCE white by default; 0 at night).
    vec4 skyTint;       // rgb: scales the sky and its ambient light (1 by day, dim at dusk).
    // The sun's cascaded shadow maps (render/shadow_map.h, render/shadow_cascades.h), one tile of
    // an atlas each, nearest first. sunFromCamera rotates camera-relative positions to the sun's
    // view axes, shared by all cascades. Per cascade: the scale and offset (xyz) from those axes
    // to the atlas (xy its texture coordinates, z its depth); the tile's texture coordinates (min
    // xy, max zw) half a texel in; x metres to move along the normal before the lookup and y depth
    // added towards the sun (both keep surfaces from shadowing themselves; they grow with the
    // texel), z the view depth where the cascade ends, w where shading starts fading into the next.
    mat4 sunFromCamera;
    vec4 shadowScales[AXIS_SHADOW_CASCADES];
    vec4 shadowOffsets[AXIS_SHADOW_CASCADES];
    vec4 shadowTiles[AXIS_SHADOW_CASCADES];
    vec4 shadowParams[AXIS_SHADOW_CASCADES];
    vec4 viewForward;  // xyz: the camera's unit view direction (a fragment's view depth); w unused.
};

// The sky pass (push constants).
struct SkyPush {
    mat4 worldFromClip;  // Inverse of projection * view-rotation: clip position to a world direction.
    vec4 solidColor;     // rgb linear; w > 0.5 means fill with this colour instead of the sky.
    vec4 sunDirection;   // xyz: unit, towards the sun; w: the sun disc's brightness (0 below the horizon).
    vec4 skyTint;        // As DrawParams::skyTint.
};

// Occlusion culling (render/occlusion_culler.h). The depth pyramid: level 0 is half the target
// size, each level half the one before (rounded up); a texel holds the farthest depth (the
// smallest, reversed Z) of the pixels it covers.
struct HizPush {
    ivec2 sourceSize;  // Pixels of the depth image, or texels of the previous level.
    ivec2 targetSize;  // Texels of the level written.
};

// One cluster to test: where its bounding sphere lands in the pyramid (computed on the CPU,
// render/hiz_footprint.h) and the indirect draw it controls.
struct OcclusionCandidate {
    ivec4 rect;      // Texels x0, y0, x1, y1 (inclusive, at most 8x8) at `level`.
    uint level;
    float depth;     // The sphere's nearest depth (reversed Z: larger is nearer).
    uint command;    // Index of its VkDrawIndexedIndirectCommand.
    uint pad;
};

struct CullPush {
    uint count;  // Candidates (occlusion_cull.comp) or batches (occlusion_compact.comp).
    uint pad;
};

// A run of indirect draws that share their state (render/frame_plan.h). The compaction packs its
// visible draws, in order, to the front of its run, for one draw-count call.
struct DrawBatch {
    uint first;  // First command.
    uint count;
};

#ifdef __cplusplus
}  // namespace axis::shader
#endif
#endif
