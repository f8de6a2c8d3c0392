#version 450
#include "shared.h"

layout(location = 0) in vec3 inCameraPos;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;

layout(set = 0, binding = 0) uniform Material { MaterialParams material; };
layout(set = 0, binding = 1) uniform sampler2D baseColorMap;
layout(set = 0, binding = 2) uniform sampler2D metallicRoughnessMap;
layout(set = 0, binding = 3) uniform sampler2D emissiveMap;

layout(constant_id = 0) const uint kShading = AXIS_SHADING_UNLIT;
// Only alpha-masked materials get a `discard`: with one anywhere in the shader, rasterisers
// (llvmpipe among them) must shade every fragment before the depth test, even hidden ones.
layout(constant_id = 3) const bool kAlphaTest = false;

layout(location = 0) out vec4 outColor;

const float kPi = 3.14159265;

vec3 skyAmbient(vec3 n) {
    float up = n.z * 0.5 + 0.5;
    return mix(AXIS_GROUND_COLOR, mix(AXIS_SKY_HORIZON, AXIS_SKY_ZENITH, 0.5), up);
}

// GGX / Smith-Schlick specular with a Schlick Fresnel, as in the glTF spec's appendix.
vec3 shadeLit(vec3 base, vec3 n, vec3 v, float metallic, float roughness) {
    vec3 l = normalize(AXIS_SUN_DIRECTION);
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
    vec3 direct = (diffuse + specular) * nl * AXIS_SUN_RADIANCE;
    vec3 ambient = skyAmbient(n) * base * (1.0 - 0.5 * metallic) * 0.55;
    return direct + ambient;
}

void main() {
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
        outColor = vec4(base.rgb + emissive, base.a);
        return;
    }
    vec3 n = normalize(inNormal);
    vec3 v = normalize(-inCameraPos);
    if (dot(n, v) < 0.0) n = -n;  // Scans are open surfaces: light the side we see.
    vec4 mr = texture(metallicRoughnessMap, inUv);
    float metallic = clamp(material.metalRoughAlpha.x * mr.b, 0.0, 1.0);
    float roughness = clamp(material.metalRoughAlpha.y * mr.g, 0.04, 1.0);
    outColor = vec4(shadeLit(base.rgb, n, v, metallic, roughness) + emissive, base.a);
}
