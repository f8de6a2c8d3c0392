// Octahedral normal decode for the bake cache's R16G16_SNORM normals (asset/baked_vertex.h holds
// the encoder; keep the two in step).
vec3 decodeOctahedral(vec2 e) {
    vec3 n = vec3(e.xy, 1.0 - abs(e.x) - abs(e.y));
    if (n.z < 0.0) n.xy = (1.0 - abs(n.yx)) * vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
    return normalize(n);
}
