#version 450
#include "shared.h"
#include "mesh_shading.glsl"

layout(location = 0) out vec4 outColor;

void main() { outColor = kClipped ? shadeCut() : shadeFragment(); }
