#version 450
#define AXIS_MULTISAMPLE 1
#include "eye_dome.glsl"
