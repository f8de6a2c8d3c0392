#version 450
layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColor;
layout(set = 0, binding = 0) uniform sampler2D image;
layout(location = 0) out vec4 outColor;

void main() {
    outColor = inColor * texture(image, inUv);
}
