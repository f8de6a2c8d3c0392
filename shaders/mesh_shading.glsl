// The mesh pipelines' fragment shading, shared by mesh.frag and mesh_wire.frag (the wireframe
// inspection mode, which adds the triangle edges its geometry shader measures).
#include "srgb.glsl"

layout(location = 0) in vec3 inCameraPos;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;

layout(set = 0, binding = 0) uniform Material { MaterialParams material; };
layout(set = 0, binding = 1) uniform sampler2D baseColorMap;
layout(set = 0, binding = 2) uniform sampler2D metallicRoughnessMap;
layout(set = 0, binding = 3) uniform sampler2D emissiveMap;

layout(set = 1, binding = 0) uniform Draw { DrawParams draw; };
layout(set = 1, binding = 1) uniform sampler2DShadow shadowMap;

layout(constant_id = 0) const uint kShading = AXIS_SHADING_UNLIT;
layout(constant_id = 4) const uint kInspection = AXIS_INSPECT_OFF;
// Only lit draws of frames with sun shadows sample the shadow map.
layout(constant_id = 6) const bool kShadows = false;
// Only draws with section planes or clip boxes test them (and discard).
layout(constant_id = 5) const bool kClipped = false;
// Only alpha-masked materials get a `discard`: with one anywhere in the shader, rasterisers
// (llvmpipe among them) must shade every fragment before the depth test, even hidden ones.
layout(constant_id = 3) const bool kAlphaTest = false;

const float kPi = 3.14159265;

vec3 skyAmbient(vec3 n) {
    float up = n.z * 0.5 + 0.5;
    return mix(AXIS_GROUND_COLOR, mix(AXIS_SKY_HORIZON, AXIS_SKY_ZENITH, 0.5), up) * draw.skyTint.rgb;
}

// Cascade i's 2x2 filtered comparison at a point given in the sun's view axes (sunPos, with the
// surface normal sunNormal), kept within the cascade's tile of the atlas.
float cascadeVisibility(int i, vec3 sunPos, vec3 sunNormal) {
    vec4 params = draw.shadowParams[i], tile = draw.shadowTiles[i];
    vec3 c = (sunPos + sunNormal * params.x) * draw.shadowScales[i].xyz + draw.shadowOffsets[i].xyz;
    vec2 uv = clamp(c.xy, tile.xy, tile.zw);
    return texture(shadowMap, vec3(uv, c.z + params.y));  // Reversed Z: + is sunwards.
}

// Interleaved gradient noise (Jimenez, "Next Generation Post Processing in Call of Duty: Advanced
// Warfare", 2014): a per-pixel threshold in [0, 1) whose neighbours differ as much as possible.
float pixelThreshold() {
    return fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
}

// How much of the sun reaches this point: the nearest cascade that holds its view depth; beyond
// the last, 1. Over the end of each slice a growing share of pixels reads the next cascade
// instead, dithered, so that no seam shows where the texel size changes. One lookup a pixel:
// blending both maps there cost lavapipe a tenth of the frame (tools/bench/shadow_bench.cpp).
float sunVisibility(vec3 n) {
    if (!kShadows) return 1.0;
    float depth = dot(inCameraPos, draw.viewForward.xyz);
    // The cascades' ends rise, so the number of them this depth has passed is the index of the
    // one that holds it: counted without a loop, which would diverge between pixels.
    int i = 0;
    for (int k = 0; k < AXIS_SHADOW_CASCADES; ++k) i += int(depth >= draw.shadowParams[k].z);
    if (i == AXIS_SHADOW_CASCADES) return 1.0;
    vec4 params = draw.shadowParams[i];
    float fade = (depth - params.w) / max(params.z - params.w, 1e-6);
    if (i + 1 < AXIS_SHADOW_CASCADES && fade > pixelThreshold()) ++i;
    mat3 sunFromCamera = mat3(draw.sunFromCamera);
    return cascadeVisibility(i, sunFromCamera * inCameraPos, sunFromCamera * n);
}

// GGX / Smith-Schlick specular with a Schlick Fresnel, as in the glTF spec's appendix.
vec3 shadeLit(vec3 base, vec3 n, vec3 v, float metallic, float roughness) {
    vec3 l = draw.sunDirection.xyz;
    vec3 h = normalize(l + v);
    float nl = max(dot(n, l), 0.0), nv = max(dot(n, v), 1e-4), nh = max(dot(n, h), 0.0), vh = max(dot(v, h), 0.0);
    float a = max(roughness * roughness, 1e-3);
    float d = a * a / (kPi * pow(nh * nh * (a * a - 1.0) + 1.0, 2.0));
    float k = a * 0.5;
    float g = (nl / (nl * (1.0 - k) + k)) * (nv / (nv * (1.0 - k) + k));
    vec3 f0 = mix(vec3(0.04), base, metallic);
    vec3 f = f0 + (1.0 - f0) * pow(1.0 - vh, 5.0);
    vec3 specular = d * g * f / max(4.0 * nl * nv, 1e-4);
    vec3 diffuse = (1.0 - f) * (1.0 - metallic) * base / kPi;
    vec3 direct = (diffuse + specular) * nl * draw.sunRadiance.rgb * sunVisibility(n);
    vec3 ambient = skyAmbient(n) * base * (1.0 - 0.5 * metallic) * 0.55;
    return direct + ambient;
}

vec4 shadeSurface() {
    vec4 base = material.baseColorFactor * texture(baseColorMap, inUv) * inColor;
    // No branch may depend on uniforms alone: lavapipe (Mesa 22) then "inlines" them, compiling a
    // new copy of this shader whenever they change (every material switch, every frame) and keeping
    // each one (gigabytes within a minute). The alpha mode is applied arithmetically instead.
    uint alphaMode = uint(material.metalRoughAlpha.z);
    if (kAlphaTest && base.a < material.emissiveCutoff.w) discard;
    base.a = mix(base.a, 1.0, float(alphaMode == AXIS_ALPHA_OPAQUE));
    vec3 emissive = material.emissiveCutoff.xyz * texture(emissiveMap, inUv).rgb;

    // Without a usable normal (point clouds, broken meshes) lighting is meaningless: show colour.
    if (kShading == AXIS_SHADING_UNLIT || dot(inNormal, inNormal) < 1e-8) {
        return vec4(base.rgb + emissive, base.a);
    }
    vec3 n = normalize(inNormal);
    vec3 v = normalize(-inCameraPos);
    if (dot(n, v) < 0.0) n = -n;  // Scans are open surfaces: light the side we see.
    vec4 mr = texture(metallicRoughnessMap, inUv);
    float metallic = clamp(material.metalRoughAlpha.x * mr.b, 0.0, 1.0);
    float roughness = clamp(material.metalRoughAlpha.y * mr.g, 0.04, 1.0);
    return vec4(shadeLit(base.rgb, n, v, metallic, roughness) + emissive, base.a);
}

// The inspection modes (render/inspection_mode.h). None reads a uniform in a branch (see above).
vec3 surfaceNormal() {
    if (dot(inNormal, inNormal) > 1e-8) return normalize(inNormal);
    // No normals in the source: the triangle's own, from the screen-space slope of its position.
    vec3 n = cross(dFdx(inCameraPos), dFdy(inCameraPos));
    return dot(n, n) > 1e-20 ? normalize(n) : vec3(0.0);
}

// Clay: one matte colour under the sun and sky, so that shape reads without the texture.
vec4 shadeClay() {
    vec3 n = surfaceNormal();
    if (dot(n, n) == 0.0) return vec4(AXIS_CLAY_COLOR, 1.0);
    vec3 v = normalize(-inCameraPos);
    if (dot(n, v) < 0.0) n = -n;
    return vec4(shadeLit(AXIS_CLAY_COLOR, n, v, 0.0, 0.8), 1.0);
}

// Normals in the site frame (x east, y north, z up) as colours: 0.5 + 0.5 * n, unflipped, so a
// face whose normal points away from the viewer shows as such.
vec4 shadeNormals() {
    vec3 n = surfaceNormal();
    return vec4(srgbToLinear(dot(n, n) == 0.0 ? vec3(0.5) : n * 0.5 + 0.5), 1.0);  // The target encodes sRGB.
}

// Texels per metre of surface, on a logarithmic scale: blue at 10 (10 cm a texel), green near
// 300 (3 mm), red at 10,000 (0.1 mm a texel) and above. Untextured surfaces are grey. Shaded by the
// clay's light so that the shape still reads.
vec4 shadeTexelDensity() {
    vec2 size = vec2(textureSize(baseColorMap, 0));
    // A streamed texture's image may start at a coarser level than the source's: scale to level 0.
    float sourceWidth = material.metalRoughAlpha.w;
    size *= mix(1.0, sourceWidth / size.x, step(0.5, sourceWidth));
    // How much light the clay gets here, as a scalar: the ramp keeps its hue and shows the shape.
    float light = clamp(dot(shadeClay().rgb, vec3(1.0)) / dot(AXIS_CLAY_COLOR, vec3(1.0)), 0.3, 1.2);
    if (size.x * size.y <= 1.0) return vec4(vec3(0.35 * light), 1.0);
    vec2 dx = dFdx(inUv) * size, dy = dFdy(inUv) * size;
    float metres = max(length(dFdx(inCameraPos)) + length(dFdy(inCameraPos)), 1e-9);
    float perMetre = (length(dx) + length(dy)) / metres;
    float t = clamp((log(max(perMetre, 1e-6)) / log(10.0) - 1.0) / 3.0, 0.0, 1.0);
    // Blue, cyan, green, yellow, red at t = 0, 1/4, 1/2, 3/4, 1: each decade of density is
    // told apart at a glance (10, 56, 316, 1778 and 10,000 texels per metre).
    const vec3 stops[5] = vec3[](vec3(0.0, 0.1, 1.0), vec3(0.0, 0.8, 1.0), vec3(0.1, 0.85, 0.1), vec3(1.0, 0.85, 0.0),
                                 vec3(1.0, 0.05, 0.0));
    float x = t * 4.0;
    int i = min(int(x), 3);
    vec3 ramp = mix(stops[i], stops[i + 1], x - float(i));
    return vec4(ramp * light, 1.0);
}

vec4 shadeFragment() {
    if (kInspection == AXIS_INSPECT_OFF || kInspection == AXIS_INSPECT_WIREFRAME) return shadeSurface();
    // The other modes ignore the material's colour but keep its cut-outs (leaves, railings).
    float alpha = material.baseColorFactor.a * texture(baseColorMap, inUv).a * inColor.a;
    if (kAlphaTest && alpha < material.emissiveCutoff.w) discard;
    if (kInspection == AXIS_INSPECT_CLAY) return shadeClay();
    if (kInspection == AXIS_INSPECT_NORMALS) return shadeNormals();
    if (kInspection == AXIS_INSPECT_TEXEL_DENSITY) return shadeTexelDensity();
    return vec4(inColor.rgb, 1.0);  // AXIS_INSPECT_VERTEX_COLOR
}

// Discards what a section plane or clip box removes. The loop always runs to the maximum (unused
// half-spaces keep everything): a bound read from a uniform would be inlined by lavapipe (above).
void clipAway() {
    for (int i = 0; i < AXIS_MAX_CLIP_HALF_SPACES; ++i)
        if (dot(draw.halfSpaces[i].xyz, inCameraPos) + draw.halfSpaces[i].w < 0.0) discard;
}

// A cut draw with its back faces: a surface seen from behind through the cut is the inside of
// what was cut open, shown in one flat colour so that the section reads as a section.
vec4 shadeCut() {
    clipAway();
    return gl_FrontFacing ? shadeFragment() : draw.capColor;
}
