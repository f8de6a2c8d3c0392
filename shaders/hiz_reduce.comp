#version 460
// The depth pyramid from a single-sample depth image, and every level after the first.
#include "hiz_reduce.glsl"
