// A tileset resident by need (site/tileset_stream.h): only the tiles a view selects are opened,
// finer ones replace the coarse one once all are here, tiles no view wants are dropped over the
// budget, and picking sees the tiles drawn as the tileset's own surface.
#include <catch2/catch.hpp>

#include "render/offscreen.h"
#include "site/gpu_scene.h"
#include "site/site_picking.h"
#include "support/gpu_support.h"
#include "support/test_support.h"
#include "support/tileset_fixture.h"
#include "tiles/tileset.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

Camera looking(const glm::dvec3& from, const glm::dvec3& at) {
    Camera c;
    c.position = from;
    c.forward = glm::normalize(at - from);
    return c;
}

site::TilesetStream::Frame frameFor(const Camera& camera, bool wait) {
    site::TilesetStream::Frame f;
    f.request.camera = camera;
    f.request.viewportHeightPx = 180;
    f.request.aspect = 16.0 / 9.0;
    f.wait = wait;
    return f;
}

std::shared_ptr<const tiles::Tileset> open(const fs::path& dir) {
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    return std::make_shared<const tiles::Tileset>(std::move(*set));
}

}  // namespace

TEST_CASE("a tileset streams the tiles each view selects and drops the rest over budget", "[render][tiles]") {
    auto context = test::makeValidatedContext();
    render::OffscreenRenderer renderer(*context, {320, 180, VK_SAMPLE_COUNT_1_BIT});
    const fs::path dir = test::scratchDir("tileset_stream_budget");
    test::writeTileset(dir, 1.0);
    // A budget of one byte: whatever the view does not use goes at once.
    site::TilesetStream stream(open(dir), "hall", site::LoadOptions{}, 1);

    // From 5 km, one metre of error is under a pixel: the root alone is opened and drawn.
    stream.update(renderer.scene(), frameFor(looking({0, -5000, 3000}, {0, 0, 0}), true));
    CHECK(stream.stats().loaded == 1);
    CHECK(stream.stats().drawn == 1);
    CHECK(stream.drawnModels().size() == 1);
    std::vector<render::DrawItem> items;
    stream.appendItems(items, glm::dmat4(1.0), Shading::Unlit);
    REQUIRE(items.size() == 1);
    CHECK(items[0].model->triangleCount == 12);

    // Close up, the two children replace it; the root, no longer wanted, is dropped.
    stream.update(renderer.scene(), frameFor(looking({0, -40, 30}, {0, 0, 0}), true));
    CHECK(stream.stats().loaded == 3);
    CHECK(stream.stats().drawn == 2);
    CHECK(stream.stats().dropped == 1);
    CHECK(stream.stats().resident == 2);
    CHECK(stream.stats().missing == 0);

    // Without waiting (the window), a view that needs the root again never blocks: the children
    // stand in for it (no hole) until it arrives on a later frame.
    stream.update(renderer.scene(), frameFor(looking({0, -5000, 3000}, {0, 0, 0}), false));
    CHECK(stream.stats().missing == 1);
    CHECK(stream.stats().drawn == 2);
    // The worker's speed is the machine's: poll until it arrives, with a hang guard of minutes.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (stream.stats().missing > 0 && std::chrono::steady_clock::now() < giveUp) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        stream.update(renderer.scene(), frameFor(looking({0, -5000, 3000}, {0, 0, 0}), false));
    }
    CHECK(stream.stats().drawn == 1);
    CHECK(stream.stats().missing == 0);
}

TEST_CASE("picking and walking see the tiles drawn, reported as the tileset", "[render][tiles]") {
    auto context = test::makeValidatedContext();
    render::OffscreenRenderer renderer(*context, {320, 180, VK_SAMPLE_COUNT_1_BIT});
    const fs::path dir = test::scratchDir("tileset_stream_picking");
    test::writeTileset(dir, 1.0);
    site::LoadOptions options;
    options.cpuModels = false;
    auto scene = site::loadScene(dir / "tileset.json", options, Progress{});
    REQUIRE(scene);
    REQUIRE(scene->models.size() == 1);
    CHECK(scene->models[0].tileset);
    // The bounds are the root's volume, before any tile is read.
    CHECK(scene->bounds.size().x == Approx(40));
    CHECK(scene->bounds.max.z == Approx(2));

    site::GpuScene gpuScene;
    gpuScene.addAll(renderer.scene(), *scene);
    CHECK(site::buildSiteBvh(scene->models, &gpuScene).triangleCount() == 0);  // Nothing resident yet.

    render::FrameView view;
    view.camera = looking({0, -40, 30}, {0, 0, 0});
    view.aspect = renderer.aspect();
    const auto items = gpuScene.itemsForStill(renderer.scene(), *scene, view, 180);
    CHECK(items.size() == 2);
    const Bvh bvh = site::buildSiteBvh(scene->models, &gpuScene);
    CHECK(bvh.triangleCount() == 24);
    auto hit = bvh.raycast({5, 3, 50}, {0, 0, -1}, 100);
    REQUIRE(hit);
    CHECK(hit->position.z == Approx(2.0).margin(1e-4));
    CHECK(hit->model == 0);  // The tileset, not a tile.
    const auto image = renderer.render(view, items);
    CHECK(test::coverage(image, {0, 0, 0}, 12) > 0.1);
}

TEST_CASE("a bounding volume that lies is grown to its content once it is loaded", "[render][tiles]") {
    auto context = test::makeValidatedContext();
    render::OffscreenRenderer renderer(*context, {320, 180, VK_SAMPLE_COUNT_1_BIT});
    const fs::path dir = test::scratchDir("tileset_stream_lying_volume");
    test::writeTileset(dir, 1.0);
    // One tile: the 40 m slab, claiming a box 2 m across at its centre.
    std::ofstream(dir / "tileset.json") << R"({"asset": {"version": "1.0"}, "geometricError": 10,
  "root": {"boundingVolume": {"box": [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]}, "geometricError": 0,
           "content": {"uri": "coarse.gltf"}}})";
    site::TilesetStream stream(open(dir), "slab", site::LoadOptions{});
    stream.update(renderer.scene(), frameFor(looking({0, -30, 20}, {0, 0, 0}), true));
    CHECK(stream.stats().drawn == 1);
    CHECK(stream.tileset().tiles[0].sphere.w > 20.0);  // Grown to reach the slab's corners.
    // Looking at the slab's east end only: the claimed box is out of view, the content is not.
    stream.update(renderer.scene(), frameFor(looking({12, -8, 4}, {18, 0, 0}), true));
    CHECK(stream.stats().drawn == 1);
}
