// The site's BVH built straight from a bake cache's mapped triangles (site/site_picking.h) answers
// as the one built from the decoded model does: same hits, same normals, same model.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include <glm/gtc/matrix_transform.hpp>

#include "core/progress.h"
#include "site/site_picking.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

// A bumpy 40 x 40 terrain, 3,200 triangles, as an OBJ.
fs::path writeTerrain(const fs::path& dir) {
    const fs::path file = dir / "terrain.obj";
    std::ofstream out(file);
    constexpr int n = 41;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            out << "v " << x * 0.25 << ' ' << y * 0.25 << ' ' << 0.3 * std::sin(x * 0.7) * std::cos(y * 0.4) << '\n';
    for (int y = 0; y + 1 < n; ++y)
        for (int x = 0; x + 1 < n; ++x) {
            const int a = y * n + x + 1, b = a + 1, c = a + n, d = c + 1;
            out << "f " << a << ' ' << b << ' ' << d << "\nf " << a << ' ' << d << ' ' << c << '\n';
        }
    return file;
}

axis::site::LoadedScene open(const fs::path& file, bool cpuModels) {
    axis::site::LoadOptions options;
    options.useCache = true;
    options.cpuModels = cpuModels;
    options.up = axis::UpAxis::Z;
    auto scene = axis::site::loadScene(file, options, axis::Progress{});
    REQUIRE(scene.ok());
    REQUIRE(scene->models.size() == 1);
    return std::move(*scene);
}

}  // namespace

TEST_CASE("the site BVH built from the bake cache answers as the one from the decoded model", "[site][bvh]") {
    const fs::path file = writeTerrain(axis::test::scratchDir("site_picking"));
    axis::site::LoadedScene decoded = open(file, true);
    axis::site::LoadedScene mapped = open(file, false);
    REQUIRE(mapped.models[0].baked.has_value());
    REQUIRE(mapped.models[0].model.primitives.empty());  // Nothing decoded: the BVH reads the cache.

    // Placed away from the origin and turned, as a site places a model.
    const glm::dmat4 place = glm::rotate(glm::translate(glm::dmat4(1.0), glm::dvec3(500.0, -300.0, 20.0)),
                                         glm::radians(30.0), glm::dvec3(0, 0, 1));
    decoded.models[0].modelToSite = mapped.models[0].modelToSite = place;
    const axis::Bvh a = axis::site::buildSiteBvh(decoded.models), b = axis::site::buildSiteBvh(mapped.models);
    CHECK(b.triangleCount() == 3200);
    CHECK(a.triangleCount() == b.triangleCount());

    int hits = 0;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const glm::dvec3 local(0.2 + i * 0.5, 0.2 + j * 0.5, 5.0);
            const glm::dvec3 origin = glm::dvec3(place * glm::dvec4(local, 1.0));
            auto ha = a.raycast(origin, glm::dvec3(0.1, 0.05, -1.0), 100.0);
            auto hb = b.raycast(origin, glm::dvec3(0.1, 0.05, -1.0), 100.0);
            REQUIRE(ha.has_value() == hb.has_value());
            if (!ha) continue;
            ++hits;
            CHECK(glm::distance(ha->position, hb->position) < 1e-6);
            CHECK(glm::dot(ha->normal, hb->normal) > 0.999999);
            CHECK(hb->model == 0);
        }
    CHECK(hits > 300);  // Most rays land on the terrain.
}
