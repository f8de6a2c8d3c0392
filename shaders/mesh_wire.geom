#version 450
// The wireframe inspection mode: passes each triangle through and gives its fragments their
// barycentric coordinates, so mesh_wire.frag draws the edges in the same pass as the surface,
// antialiased, with no second draw and no depth fighting.
layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;

layout(location = 0) in vec3 inCameraPos[];
layout(location = 1) in vec3 inNormal[];
layout(location = 2) in vec2 inUv[];
layout(location = 3) in vec4 inColor[];

layout(location = 0) out vec3 outCameraPos;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec2 outUv;
layout(location = 3) out vec4 outColor;
layout(location = 4) noperspective out vec3 outBarycentric;  // Screen-linear: even line widths.

void main() {
    for (int i = 0; i < 3; ++i) {
        gl_Position = gl_in[i].gl_Position;
        outCameraPos = inCameraPos[i];
        outNormal = inNormal[i];
        outUv = inUv[i];
        outColor = inColor[i];
        outBarycentric = vec3(0.0);
        outBarycentric[i] = 1.0;
        EmitVertex();
    }
    EndPrimitive();
}
