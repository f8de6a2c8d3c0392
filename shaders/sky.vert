#version 450
// A full-screen triangle at the far plane (depth 0 with reversed Z).
layout(location = 0) out vec2 outClip;
void main() {
    vec2 p = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2) * 2.0 - 1.0;
    outClip = p;
    gl_Position = vec4(p, 0.0, 1.0);
}
