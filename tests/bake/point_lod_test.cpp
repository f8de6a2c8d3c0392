// Cluster LOD for point clouds (asset/lod_build.h buildPointLod): every point once at level 0,
// coarser levels thinning their children evenly, a monotonic hierarchy, and cuts that cover the
// cloud exactly once with far fewer points from afar.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>

#include "asset/lod_build.h"
#include "scene/lod.h"

using namespace axis;

namespace {

// 100,000 points on a sphere of radius 1 (a scanned dome, say).
Primitive sphereCloud() {
    std::mt19937 rng(11);
    std::normal_distribution<float> n(0, 1);
    Primitive p;
    p.topology = Topology::Points;
    for (int i = 0; i < 100000; ++i) {
        Vertex v;
        v.position = glm::normalize(glm::vec3(n(rng), n(rng), n(rng)));
        v.color = {std::uint8_t(i % 251), 100, 200, 255};
        p.vertices.push_back(v);
    }
    return p;
}

struct BuiltCloud {
    BuiltLod built;
    LodPrimitive primitive;
    LodData data() const { return {{&primitive, 1}, built.clusters}; }
};

const BuiltCloud& cloud() {
    static const BuiltCloud c = [] {
        BuiltCloud b;
        b.built = buildPointLod(sphereCloud());
        b.primitive.topology = std::uint32_t(Topology::Points);
        b.primitive.vertexCount = std::uint32_t(b.built.vertices.size());
        b.primitive.indexCount = std::uint32_t(b.built.indices.size());
        b.primitive.leafIndexCount = b.built.leafIndexCount;
        b.primitive.clusterCount = std::uint32_t(b.built.clusters.size());
        return b;
    }();
    return c;
}

bool contains(const glm::vec4& outer, const glm::vec4& inner) {
    return glm::length(glm::vec3(outer) - glm::vec3(inner)) + inner.w <= outer.w * (1.0f + 1e-5f);
}

LodRequest from(double distance, double bound = 1.0) {
    LodRequest r;
    r.camera.position = {0.0, -distance, 0.0};
    r.camera.forward = {0.0, 1.0, 0.0};
    r.viewportHeightPx = 1080;
    r.aspect = 16.0 / 9.0;
    r.pixelErrorBound = bound;
    r.frustumCull = false;
    r.mergeRanges = false;  // One range per cluster, for leafCover.
    return r;
}

// The level-0 clusters under each selected cluster, counted: a cut covers the cloud once when
// every leaf is counted exactly once. Clusters of a level are consecutive; cluster j of level L
// has children groupClusters*j .. groupClusters*j + groupClusters - 1 of level L - 1.
std::vector<int> leafCover(const BuiltLod& b, const std::vector<DrawRange>& ranges) {
    std::vector<std::size_t> start;
    for (std::size_t i = 0; i < b.clusters.size(); ++i)
        if (i == 0 || b.clusters[i].level != b.clusters[i - 1].level) start.push_back(i);
    std::vector<int> cover(start.size() > 1 ? start[1] : b.clusters.size(), 0);
    const std::uint32_t g = PointLodOptions{}.groupClusters;
    for (const DrawRange& r : ranges) {
        const LodCluster& c = b.clusters[r.cluster];
        std::size_t first = r.cluster - start[c.level], count = 1;
        for (std::uint32_t l = c.level; l > 0; --l) first *= g, count *= g;
        for (std::size_t k = first; k < std::min(first + count, cover.size()); ++k) ++cover[k];
    }
    return cover;
}

}  // namespace

TEST_CASE("point LOD keeps every point once at level 0 and builds a monotonic hierarchy", "[lod][points]") {
    const BuiltLod& b = cloud().built;
    REQUIRE(b.vertices.size() == 100000);
    CHECK(b.leafIndexCount == 100000);
    std::vector<int> seen(b.vertices.size(), 0);
    for (std::uint32_t k = 0; k < b.leafIndexCount; ++k) ++seen[b.indices[k]];
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    std::size_t roots = 0, outside = 0;
    std::set<std::uint32_t> levels;
    for (const LodCluster& c : b.clusters) {
        levels.insert(c.level);
        CHECK(c.indexCount > 0);
        CHECK(c.indexCount <= PointLodOptions{}.pointsPerCluster);
        CHECK(c.parent.error > c.self.error);
        if (std::isinf(c.parent.error))
            ++roots;
        else
            CHECK(contains(c.parent.sphere, c.self.sphere));
        if (c.level == 0) CHECK(c.self.error == 0.0f);
        for (std::uint32_t k = c.firstIndex; k < c.firstIndex + c.indexCount; ++k)
            outside +=
                glm::length(b.vertices[b.indices[k]].position - glm::vec3(c.cullSphere)) > c.cullSphere.w * 1.0001f;
    }
    CHECK(outside == 0);  // Every point inside its cluster's sphere.
    CHECK(roots == 1);
    CHECK(levels.size() >= 4);
}

TEST_CASE("point LOD cuts cover the cloud once, thinner from afar", "[lod][points]") {
    const BuiltCloud& c = cloud();
    LodStats all;
    auto full = selectLod(c.data(), from(3.0, 0.0), &all);
    CHECK(all.coarsestLevel == 0);
    std::uint64_t points = 0;
    for (const DrawRange& r : full) points += r.indexCount;
    CHECK(points == 100000);
    std::uint64_t previous = points;
    for (double distance : {10.0, 40.0, 200.0, 5000.0}) {
        LodStats stats;
        const auto ranges = selectLod(c.data(), from(distance), &stats);
        const auto cover = leafCover(c.built, ranges);
        CHECK(std::all_of(cover.begin(), cover.end(), [](int n) { return n == 1; }));
        std::uint64_t drawn = 0;
        for (const DrawRange& r : ranges) drawn += r.indexCount;
        INFO("from " << distance << " m: " << drawn << " points");
        CHECK(drawn <= previous);
        previous = drawn;
    }
    CHECK(previous < 5000);  // From 5 km, a 2 m dome is a few pixels: the root's points.
}
