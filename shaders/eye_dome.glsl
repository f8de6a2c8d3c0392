// Eye-dome lighting (Boucheny 2009, as Potree and CloudCompare draw it): each pixel darkens by how
// much nearer than it its neighbours are, in log depth, so that the edges and creases of a cloud
// without colours or normals read as shading. Sky pixels are left alone. Output: black with the
// darkening as alpha, blended over the resolved image.
#include "shared.h"

#ifdef AXIS_MULTISAMPLE
layout(binding = 0) uniform sampler2DMS depthImage;  // Sample 0: an edge needs no finer depth.
#else
layout(binding = 0) uniform sampler2D depthImage;
#endif
layout(push_constant) uniform Push { EyeDomePush push; };
layout(location = 0) out vec4 outColor;

// Distance along the view axis, from reversed-Z depth with an infinite far plane (d = near / z);
// zero for the sky.
float viewDistance(ivec2 p) {
    p = clamp(p, ivec2(0), push.size - 1);
    float d = texelFetch(depthImage, p, 0).r;
    return d > 0.0 ? push.nearPlane / d : 0.0;
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    float centre = viewDistance(p);
    if (centre == 0.0) discard;
    float here = log2(centre), response = 0.0;
    const ivec2 kNeighbours[8] = ivec2[](ivec2(1, 0), ivec2(-1, 0), ivec2(0, 1), ivec2(0, -1), ivec2(1, 1),
                                         ivec2(-1, -1), ivec2(1, -1), ivec2(-1, 1));
    for (int i = 0; i < 8; ++i) {
        float there = viewDistance(p + kNeighbours[i] * int(push.radius));
        // The sky beside a point counts as far away: the cloud's silhouette darkens too.
        response += there == 0.0 ? 1.0 : max(0.0, here - log2(there));
    }
    // Potree's curve: exp(-300 x strength x mean response), its default strength being 0.4.
    float shade = exp(-response / 8.0 * 120.0 * push.strength);
    outColor = vec4(0.0, 0.0, 0.0, 1.0 - shade);
}
