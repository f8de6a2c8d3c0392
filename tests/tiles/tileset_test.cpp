// 3D Tiles trees (issue 15): bounding volumes, transforms, refinement, external tilesets, the
// selection of tiles for a view, and tilesets that lie or loop.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "tiles/tile_selection.h"
#include "tiles/tileset.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace axis;
using axis::tiles::ContentState;

namespace {

void write(const fs::path& path, const json& doc) { std::ofstream(path) << doc.dump(1); }

json box(double cx, double cy, double cz, double h) { return {{"box", {cx, cy, cz, h, 0, 0, 0, h, 0, 0, 0, h}}}; }

json tile(const json& volume, double error, const std::string& content = "") {
    json t = {{"boundingVolume", volume}, {"geometricError", error}};
    if (!content.empty()) t["content"] = {{"uri", content}};
    return t;
}

json tilesetOf(const json& root) { return {{"asset", {{"version", "1.1"}}}, {"geometricError", 100}, {"root", root}}; }

// A root over two children side by side, each 10 m across, 20 m apart.
json twoLevels(double rootError, const std::string& refine = "REPLACE") {
    json root = tile(box(0, 0, 0, 20), rootError, "root.glb");
    root["refine"] = refine;
    root["children"] = {tile(box(-10, 0, 0, 5), 0.0, "left.glb"), tile(box(10, 0, 0, 5), 0.0, "right.glb")};
    return tilesetOf(root);
}

LodRequest lookingAt(const glm::dvec3& from, const glm::dvec3& at) {
    LodRequest r;
    r.camera.position = from;
    r.camera.forward = glm::normalize(at - from);
    r.viewportHeightPx = 720;
    r.aspect = 16.0 / 9.0;
    return r;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST_CASE("a tileset's volumes, transforms and contents are read into one tree", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_tree");
    json root = tile(box(0, 0, 0, 20), 8.0, "root.glb");
    root["transform"] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 100, 200, 300, 1};
    json child = tile({{"sphere", {0, 0, 0, 2}}}, 1.0, "sub/child%20one.b3dm?v=2");
    child["transform"] = {2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 5, 0, 0, 1};
    child["refine"] = "ADD";
    child["children"] = {tile(box(0, 0, 0, 1), 0.0, "leaf.pnts")};
    root["children"] = {child};
    write(dir / "tileset.json", tilesetOf(root));

    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    REQUIRE(set->tiles.size() == 3);
    CHECK(set->version == "1.1");
    CHECK(set->warnings.empty());
    CHECK_FALSE(set->earthCentred);
    const tiles::Tile& r = set->tiles[0];
    CHECK(r.sphere.x == Approx(100));
    CHECK(r.sphere.w == Approx(20 * std::sqrt(3.0)));
    CHECK(set->rootBox.min.x == Approx(80));
    CHECK(set->rootBox.max.z == Approx(320));
    const tiles::Tile& c = set->tiles[1];
    CHECK(c.parent == 0);
    CHECK(c.refine == tiles::Refine::Add);
    CHECK(c.content == dir / "sub/child one.b3dm");  // Percent escapes decoded, query dropped.
    CHECK(c.sphere.x == Approx(105));
    CHECK(c.sphere.w == Approx(4));  // Scaled by the child's transform.
    // Transforms accumulate: the leaf's content moves by both.
    const glm::dvec4 leafOrigin = set->tiles[2].toLocal * glm::dvec4(1, 0, 0, 1);
    CHECK(leafOrigin.x == Approx(100 + 5 + 2));
    CHECK(set->tiles[2].refine == tiles::Refine::Add);  // Inherited.
    CHECK(set->tiles[2].depth == 2);
    CHECK(set->depth() == 2);
    CHECK(set->contentCount() == 3);
}

TEST_CASE("a tileset on the earth is expressed east-north-up at its centre", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_ecef");
    // A region around Beijing's Central Axis: radians, metres.
    const double west = glm::radians(116.39), east = glm::radians(116.40);
    const double south = glm::radians(39.90), north = glm::radians(39.91);
    json root = tile({{"region", {west, south, east, north, 0, 50}}}, 10.0, "a.glb");
    write(dir / "tileset.json", tilesetOf(root));
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    REQUIRE(set->earthCentred);
    REQUIRE(set->centre);
    CHECK(set->centre->latitude == Approx(39.905).margin(1e-3));
    CHECK(set->centre->longitude == Approx(116.395).margin(1e-3));
    // Local frame: centred near zero, about 850 m east-west by 1100 m north-south, z up.
    const Bounds b = set->rootBox;
    CHECK(std::abs(set->tiles[0].sphere.x) < 1.0);
    CHECK(b.size().x == Approx(853).margin(10));
    CHECK(b.size().y == Approx(1112).margin(10));
    CHECK(b.size().z < 60);
    CHECK(tiles::describeTileset(*set).find("geographic centre: lat 39.90") != std::string::npos);
}

TEST_CASE("external tilesets join the tree, cycles, missing files and bad tiles are left out", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_external");
    json root = tile(box(0, 0, 0, 20), 8.0);
    root["children"] = {tile(box(0, 0, 0, 10), 4.0, "sub/inner.json"), tile(box(5, 0, 0, 10), 4.0, "missing.json"),
                        tile({{"box", {1, 2, 3}}}, 4.0, "badbox.glb"), tile(box(0, 0, 0, 1), -1.0, "negative.glb")};
    write(dir / "tileset.json", tilesetOf(root));
    fs::create_directories(dir / "sub");
    json inner = tile(box(0, 0, 0, 10), 2.0, "a.glb");
    inner["children"] = {tile(box(0, 0, 0, 5), 1.0, "../tileset.json")};  // Back to the top: a cycle.
    write(dir / "sub/inner.json", tilesetOf(inner));

    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    const auto has = [&](const std::string& text) {
        return std::any_of(set->warnings.begin(), set->warnings.end(),
                           [&](const std::string& w) { return w.find(text) != std::string::npos; });
    };
    CHECK(has("cycle"));
    CHECK(has("missing.json"));
    CHECK(has("boundingVolume.box needs 12 numbers"));
    CHECK(has("geometricError"));
    // The inner tileset's root hangs under the tile that named it, its content beside it.
    const auto inner_ = std::find_if(set->tiles.begin(), set->tiles.end(),
                                     [](const tiles::Tile& t) { return t.content.filename() == "a.glb"; });
    REQUIRE(inner_ != set->tiles.end());
    CHECK(inner_->content == dir / "sub/a.glb");
    CHECK(set->tiles[inner_->parent].content.empty());
    // The tile with a broken box stays, inside its parent's volume.
    const auto bad = std::find_if(set->tiles.begin(), set->tiles.end(),
                                  [](const tiles::Tile& t) { return t.content.filename() == "badbox.glb"; });
    REQUIRE(bad != set->tiles.end());
    CHECK(bad->sphere == set->tiles[0].sphere);
}

TEST_CASE("a tileset that is not one, or runs away, gets one clear error", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_bad");
    std::ofstream(dir / "broken.json") << "{\"asset\": {\"version\": \"1.0\"}, \"root\": {";
    auto broken = tiles::loadTileset(dir / "broken.json");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.find("broken.json") != std::string::npos);
    CHECK(broken.error().message.find("not valid JSON") != std::string::npos);

    write(dir / "site.json", json{{"models", json::array()}});
    auto notTiles = tiles::loadTileset(dir / "site.json");
    REQUIRE_FALSE(notTiles);
    CHECK(notTiles.error().message.find("not a 3D Tiles tileset") != std::string::npos);
    CHECK_FALSE(tiles::isTilesetFile(dir / "site.json"));

    write(dir / "nobox.json", tilesetOf(tile(json::object(), 1.0)));
    auto noBox = tiles::loadTileset(dir / "nobox.json");
    REQUIRE_FALSE(noBox);
    CHECK(noBox.error().message.find("tile root") != std::string::npos);

    // Deep and wide: both bounded, the rest of the tree kept.
    json deep = tile(box(0, 0, 0, 1), 1.0);
    for (int i = 0; i < 100; ++i) {
        json parent = tile(box(0, 0, 0, 1), 1.0);
        parent["children"] = {deep};
        deep = parent;
    }
    write(dir / "deep.json", tilesetOf(deep));
    auto deepSet = tiles::loadTileset(dir / "deep.json");
    REQUIRE(deepSet);
    CHECK(deepSet->depth() == tiles::TilesetLimits{}.maxDepth);
    CHECK_FALSE(deepSet->warnings.empty());

    json wide = tile(box(0, 0, 0, 1), 1.0);
    wide["children"] = json::array();
    for (int i = 0; i < 50; ++i) wide["children"].push_back(tile(box(0, 0, 0, 1), 0.0, "t.glb"));
    write(dir / "wide.json", tilesetOf(wide));
    tiles::TilesetLimits limits;
    limits.maxTiles = 10;
    auto wideSet = tiles::loadTileset(dir / "wide.json", limits);
    REQUIRE(wideSet);
    CHECK(wideSet->tiles.size() == 10);
    CHECK_FALSE(wideSet->warnings.empty());
}

TEST_CASE("selection refines by projected error and never leaves a hole", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_select");
    write(dir / "tileset.json", twoLevels(2.0));
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    std::vector<ContentState> state(set->tiles.size(), ContentState::Missing);
    const auto stateOf = [&](std::uint32_t i) { return state[i]; };

    // Far away: 2 m of error is under a pixel, the root alone is wanted.
    const LodRequest far = lookingAt({0, -5000, 0}, {0, 0, 0});
    auto s = tiles::selectTiles(*set, far, stateOf);
    CHECK(s.wanted == std::vector<std::uint32_t>{0});
    CHECK(s.draw.empty());
    CHECK(s.missing == 1);
    state[0] = ContentState::Resident;
    s = tiles::selectTiles(*set, far, stateOf);
    CHECK(s.draw == std::vector<std::uint32_t>{0});
    CHECK(s.missing == 0);

    // Near: the children are needed; the root stands in until both are here.
    const LodRequest near = lookingAt({0, -60, 0}, {0, 0, 0});
    s = tiles::selectTiles(*set, near, stateOf);
    CHECK(s.draw == std::vector<std::uint32_t>{0});
    CHECK(sorted(s.wanted) == std::vector<std::uint32_t>{0, 1, 2});
    state[1] = ContentState::Resident;
    s = tiles::selectTiles(*set, near, stateOf);
    CHECK(s.draw == std::vector<std::uint32_t>{0});
    state[2] = ContentState::Failed;  // A broken tile does not hold its sibling back.
    s = tiles::selectTiles(*set, near, stateOf);
    CHECK(s.draw == std::vector<std::uint32_t>{1});
    CHECK(s.missing == 0);

    // Looking away from the right child: it is not waited for, nor wanted.
    state[2] = ContentState::Missing;
    const LodRequest left = lookingAt({-10, -8, 0}, {-10, 0, 0});
    s = tiles::selectTiles(*set, left, stateOf);
    CHECK(s.draw == std::vector<std::uint32_t>{1});
    CHECK(std::find(s.wanted.begin(), s.wanted.end(), 2u) == s.wanted.end());
    // Behind the camera: nothing.
    s = tiles::selectTiles(*set, lookingAt({0, -60, 0}, {0, -200, 0}), stateOf);
    CHECK(s.draw.empty());
    CHECK(s.wanted.empty());

    // Zooming out with the root gone: the resident children stand in for it while it loads.
    state = {ContentState::Missing, ContentState::Resident, ContentState::Resident};
    s = tiles::selectTiles(*set, far, stateOf);
    CHECK(s.wanted == std::vector<std::uint32_t>{0});
    CHECK(s.draw == std::vector<std::uint32_t>{1, 2});
    CHECK(s.missing == 1);
}

TEST_CASE("a refined tile whose children are all here is not waited for", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_skip");
    // root -> middle -> two leaves; close up, the leaves are what the view needs.
    json middle = tile(box(0, 0, 0, 20), 2.0, "middle.glb");
    middle["children"] = {tile(box(-10, 0, 0, 5), 0.0, "left.glb"), tile(box(10, 0, 0, 5), 0.0, "right.glb")};
    json root = tile(box(0, 0, 0, 20), 4.0, "root.glb");
    root["children"] = {middle};
    write(dir / "tileset.json", tilesetOf(root));
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    std::vector<ContentState> state = {ContentState::Missing, ContentState::Missing, ContentState::Resident,
                                       ContentState::Resident};
    auto s = tiles::selectTiles(*set, lookingAt({0, -60, 0}, {0, 0, 0}), [&](std::uint32_t i) { return state[i]; });
    CHECK(s.draw == std::vector<std::uint32_t>{2, 3});
    CHECK(s.wanted.size() == 2);  // Neither the root nor the middle is opened.
    CHECK(s.missing == 0);
}

TEST_CASE("ADD refinement draws a tile with its children", "[tiles]") {
    const fs::path dir = test::scratchDir("tileset_add");
    write(dir / "tileset.json", twoLevels(2.0, "ADD"));
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    std::vector<ContentState> state(set->tiles.size(), ContentState::Resident);
    auto s = tiles::selectTiles(*set, lookingAt({0, -60, 0}, {0, 0, 0}), [&](std::uint32_t i) { return state[i]; });
    CHECK(sorted(s.draw) == std::vector<std::uint32_t>{0, 1, 2});
    // Coarse tiles are wanted first: they stand in for the most.
    CHECK(s.wanted.front() == 0);
}

namespace {

// A binary subtree file: "subt", version 1, the JSON and binary chunk lengths, then both.
void writeSubtree(const fs::path& path, const json& doc, const std::vector<std::uint8_t>& binary) {
    std::string text = doc.dump();
    while (text.size() % 8) text += ' ';
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    const std::uint32_t header[2] = {0x74627573u /* "subt" */, 1};
    const std::uint64_t lengths[2] = {text.size(), binary.size()};
    out.write(reinterpret_cast<const char*>(header), sizeof header);
    out.write(reinterpret_cast<const char*>(lengths), sizeof lengths);
    out << text;
    out.write(reinterpret_cast<const char*>(binary.data()), std::streamsize(binary.size()));
}

json bitstreamSubtree(std::size_t tileBytes, std::size_t childBytes) {
    return {{"buffers", {{{"byteLength", tileBytes + childBytes}}}},
            {"bufferViews",
             {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", tileBytes}},
              {{"buffer", 0}, {"byteOffset", tileBytes}, {"byteLength", childBytes}}}},
            {"tileAvailability", {{"bitstream", 0}}},
            {"contentAvailability", {{{"constant", 1}}}},
            {"childSubtreeAvailability", {{"bitstream", 1}}}};
}

}  // namespace

TEST_CASE("an implicit quadtree is expanded from its subtrees", "[tiles][implicit]") {
    const fs::path dir = test::scratchDir("tileset_implicit");
    json root = tile(box(0, 0, 0, 8), 16.0);
    root["content"] = {{"uri", "content/{level}/{x}/{y}.glb"}};
    root["implicitTiling"] = {{"subdivisionScheme", "QUADTREE"},
                              {"availableLevels", 3},
                              {"subtreeLevels", 2},
                              {"subtrees", {{"uri", "subtrees/{level}/{x}/{y}.subtree"}}}};
    write(dir / "tileset.json", tilesetOf(root));
    // Levels 0-1: the root and three of its four children (Morton 0, 1, 3); child subtrees at
    // level 2 under Morton 0 (tile 0,0), 8 (under the missing child: ignored) and 14 (tile 2,3).
    writeSubtree(dir / "subtrees/0/0/0.subtree", bitstreamSubtree(1, 2), {0x17, 0x01, 0x41});
    const json leaf = {{"tileAvailability", {{"constant", 1}}},
                       {"contentAvailability", {{{"constant", 1}}}},
                       {"childSubtreeAvailability", {{"constant", 0}}}};
    writeSubtree(dir / "subtrees/2/0/0.subtree", leaf, {});
    writeSubtree(dir / "subtrees/2/2/3.subtree", leaf, {});

    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    INFO(tiles::describeTileset(*set));
    CHECK(set->warnings.empty());
    REQUIRE(set->tiles.size() == 6);
    CHECK(set->tiles[0].content == dir / "content/0/0/0.glb");
    CHECK(set->tiles[0].children.size() == 3);
    CHECK(set->depth() == 2);
    const auto find = [&](const std::string& content) {
        return std::find_if(set->tiles.begin(), set->tiles.end(),
                            [&](const tiles::Tile& t) { return t.content == dir / content; });
    };
    for (const char* present :
         {"content/1/0/0.glb", "content/1/1/0.glb", "content/1/1/1.glb", "content/2/0/0.glb", "content/2/2/3.glb"})
        CHECK(find(present) != set->tiles.end());
    CHECK(find("content/1/0/1.glb") == set->tiles.end());
    const auto deep = find("content/2/2/3.glb");
    REQUIRE(deep != set->tiles.end());
    CHECK(deep->geometricError == Approx(4.0));  // Halved per level.
    CHECK(deep->sphere.x == Approx(2.0));        // A quarter of the root's 16 m square: x 0..4, y 4..8.
    CHECK(deep->sphere.y == Approx(6.0));
    CHECK(deep->sphere.w == Approx(std::sqrt(2 * 2 * 2 + 8 * 8)));  // Half-axes 2, 2 and the root's 8 up.
    CHECK(set->tiles[deep->parent].content == dir / "content/1/1/1.glb");
}

TEST_CASE("implicit subtrees that lie or are missing are left out with a warning", "[tiles][implicit]") {
    const fs::path dir = test::scratchDir("tileset_implicit_bad");
    json root = tile(box(0, 0, 0, 8), 16.0);
    root["content"] = {{"uri", "c/{level}/{x}/{y}.glb"}};
    root["implicitTiling"] = {{"subdivisionScheme", "QUADTREE"},
                              {"availableLevels", 4},
                              {"subtreeLevels", 2},
                              {"subtrees", {{"uri", "s/{level}/{x}/{y}.subtree"}}}};
    write(dir / "tileset.json", tilesetOf(root));
    // Every tile and child subtree available, but the child subtrees' bitstreams are too short
    // or absent.
    const json all = {{"tileAvailability", {{"constant", 1}}},
                      {"contentAvailability", {{{"constant", 1}}}},
                      {"childSubtreeAvailability", {{"constant", 1}}}};
    writeSubtree(dir / "s/0/0/0.subtree", all, {});
    writeSubtree(dir / "s/2/0/0.subtree", bitstreamSubtree(1, 2), {0xff});  // Claims more than it holds.
    auto set = tiles::loadTileset(dir / "tileset.json");
    REQUIRE(set);
    CHECK(set->tiles.size() == 5);  // The top subtree's tiles stay.
    const auto has = [&](const std::string& text) {
        return std::any_of(set->warnings.begin(), set->warnings.end(),
                           [&](const std::string& w) { return w.find(text) != std::string::npos; });
    };
    CHECK(has("s/2/0/0.subtree"));
    CHECK(has("s/2/3/3.subtree"));  // Missing.
}
