#version 450
#include "eye_dome.glsl"
