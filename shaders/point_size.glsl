// Points are sized by the frame (render/scene_renderer.cpp pointSizeParams), through the bottom
// row of cameraFromModel, which an affine transform leaves free and nothing else reads: [0][3]
// pixels, or, when [1][3] > 0, metres times pixels per unit of distance. The including shader
// declares kMaxPointSize, the device's largest point in pixels.
float pointSize(mat4 cameraFromModel, vec3 cameraPos) {
    float scaled = cameraFromModel[1][3];
    float size = scaled > 0.0 ? scaled / max(length(cameraPos), 1e-4) : cameraFromModel[0][3];
    return clamp(size, 1.0, kMaxPointSize);
}
