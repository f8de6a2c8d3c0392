#version 450
// The sun's shadow map (render/shadow_map.h): a caster needs only its position. Reading and
// transforming nothing else (normals, colours, texture coordinates) keeps the four cascades'
// vertex work a fraction of the main pass's.
#include "shared.h"

layout(location = 0) in vec3 inPosition;

layout(push_constant) uniform Push { DrawPush draw; };
layout(constant_id = 1) const float kMaxPointSize = 1.0;
#include "point_size.glsl"

// For shadow.frag, which clipped casters need; without it the pipeline drops this output.
layout(location = 0) out vec3 outCameraPos;

void main() {
    gl_Position = draw.clipFromModel * vec4(inPosition, 1.0);
    outCameraPos = (draw.cameraFromModel * vec4(inPosition, 1.0)).xyz;
    gl_PointSize = pointSize(draw.cameraFromModel, outCameraPos);  // Points cast shadows as drawn.
}
