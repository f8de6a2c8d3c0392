#include <catch2/catch.hpp>

#include "render/texture_demand.h"

using namespace axis;

TEST_CASE("The level a texture needs keeps its texels at most a pixel", "[render][texture]") {
    // 4096 texels across the texture, a pixel spans 1/4096 of it: level 0.
    CHECK(render::neededLevel(1.0 / 4096, 4096, 13) == 0);
    // A pixel spans 2 texels: level 1 has one texel per pixel.
    CHECK(render::neededLevel(2.0 / 4096, 4096, 13) == 1);
    // Just under 4 texels per pixel: level 1 still (level 2 would make a texel larger than a pixel).
    CHECK(render::neededLevel(3.99 / 4096, 4096, 13) == 1);
    CHECK(render::neededLevel(4.0 / 4096, 4096, 13) == 2);
    // Far away: never beyond the last level.
    CHECK(render::neededLevel(100.0, 4096, 13) == 12);
    // Magnified, or nonsense in: the finest.
    CHECK(render::neededLevel(1e-9, 4096, 13) == 0);
    CHECK(render::neededLevel(std::nan(""), 4096, 13) == 0);
}
