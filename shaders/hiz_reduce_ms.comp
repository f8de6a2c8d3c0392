#version 460
// The depth pyramid's first level from a multisampled depth image.
#define AXIS_MULTISAMPLE 1
#include "hiz_reduce.glsl"
