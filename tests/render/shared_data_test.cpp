// Renders every model under ../shared/data (real third-party scans, never committed) and checks
// that each comes out upright, framed and not blank. Skipped when that folder is absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "asset/import.h"
#include "nav/framing.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// The up axis each scan was captured with, as far as its source documents or a look shows.
// Files not listed are rendered and checked for framing, not for orientation.
const std::map<std::string, UpAxis> kKnownUp = {
    {"stanford-bunny/bun_zipper.ply", UpAxis::Y},
    {"stanford-bunny/bun_zipper_res4.ply", UpAxis::Y},
    {"igea/igea.ply", UpAxis::Y},
    {"armadillo-obj/armadillo.obj", UpAxis::Y},
    {"nefertiti-fraunhofer/Nefertiti.glb", UpAxis::Y},
    {"lion-takanawa-pointcloud/lion_takanawa.ply", UpAxis::Z},
    {"damaged-helmet-gltf/DamagedHelmet.gltf", UpAxis::Y},
    {"venus-gltf-draco/venus.gltf", UpAxis::Y},
};

const std::set<std::string> kModelExtensions = {"ply", "obj", "gltf", "glb", "fbx", "dae", "3ds", "stl", "off"};

bool insideTileset(const fs::path& file, const fs::path& root) {
    for (fs::path dir = file.parent_path(); dir != root && dir.has_relative_path(); dir = dir.parent_path())
        if (fs::exists(dir / "tileset.json")) return true;
    return false;
}

std::vector<fs::path> modelsUnder(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        fs::path rel = fs::relative(e.path(), root);
        if (*rel.begin() == "edge") continue;  // Deliberately broken files: the bad-input tests own them.
        // A 3D Tiles tile is a piece of a tileset (a chunk of wall, seen alone), not a model that
        // fills a framed view.
        if (insideTileset(e.path(), root)) continue;
        std::string ext = e.path().extension().string();
        if (!ext.empty()) ext.erase(0, 1);
        for (auto& c : ext) c = char(std::tolower(c));
        if (kModelExtensions.count(ext)) out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Rows and columns the model covers, as shares of the image.
struct Extent {
    double width = 0, height = 0;
};

Extent coveredExtent(const render::Rgba8Image& img, glm::u8vec3 bg) {
    uint32_t x0 = img.width, x1 = 0, y0 = img.height, y1 = 0;
    for (uint32_t y = 0; y < img.height; ++y)
        for (uint32_t x = 0; x < img.width; ++x) {
            const uint8_t* p = &img.pixels[(size_t(y) * img.width + x) * 4];
            if (std::abs(p[0] - bg.r) + std::abs(p[1] - bg.g) + std::abs(p[2] - bg.b) < 24) continue;
            x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
    if (x1 < x0) return {};
    return {double(x1 - x0 + 1) / img.width, double(y1 - y0 + 1) / img.height};
}

}  // namespace

TEST_CASE("every model under ../shared/data renders upright, framed and not blank", "[render][data]") {
    fs::path root = test::sharedDataDir();
    if (root.empty()) test::skip("../shared/data is absent");
    auto ctx = test::makeValidatedContext();
    render::TargetDesc desc;
    desc.width = desc.height = 256;
    render::OffscreenRenderer renderer(*ctx, desc);
    const glm::u8vec3 background(255, 0, 255);  // Magenta: no scan here is that colour.

    auto models = modelsUnder(root);
    REQUIRE(models.size() >= 10);
    for (const auto& rel : models) {
        SECTION(rel.string()) {
            auto model = importModel(root / rel);
            REQUIRE(model.ok());
            if (auto known = kKnownUp.find(rel.generic_string()); known != kKnownUp.end())
                CHECK(model->up == known->second);

            auto gm = renderer.scene().upload(*model);
            glm::dmat4 toSite = upAxisToZUp(model->up);
            render::DrawItem item{gm.get(), toSite, defaultShading(*model)};
            render::FrameView view;
            view.aspect = 1.0;
            view.solidBackground = true;
            view.background = {1.0f, 0.0f, 1.0f};
            view.camera = nav::framePoints(samplePositions(*model, toSite, 20000), {20.0, 15.0, 1.0}, 1.0);
            auto image = renderer.render(view, {&item, 1});

            std::string name = rel.generic_string();
            std::replace(name.begin(), name.end(), '/', '_');
            test::writeTestOutput("data_" + name, image);  // For a person to look at.
            const bool points = model->triangleCount() == 0;
            double covered = test::coverage(image, background);
            Extent extent = coveredExtent(image, background);
            INFO(rel.string() << ": covers " << covered * 100 << "% of the image, extent " << extent.width << " x "
                              << extent.height);
            CHECK(covered > (points ? 0.02 : 0.08));  // Not blank.
            CHECK(covered < 0.97);                   // Not a camera inside the model.
            CHECK(std::max(extent.width, extent.height) > 0.6);  // Framed: fills the view one way.
            CHECK(ctx->validationMessageCount() == 0);
        }
    }
}
