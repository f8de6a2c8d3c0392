// The cluster LOD as the renderer uses it: the error bound keeps images, distance and culling
// cut triangles, and a baked model draws like its plain import. Real scans come from
// ../shared/data (skipped when absent); the plain-model cases need no data.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "asset/bake_cache.h"
#include "nav/framing.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

// The suite's cache (ctest sets AXIS_CACHE_DIR to the build tree), or a scratch folder when the
// binary runs by hand: tests never write into the user's cache.
BakedModel openBaked(const std::string& relative) {
    auto source = test::sharedDataFile(relative);
    BakeOptions options;
    const char* dir = std::getenv("AXIS_CACHE_DIR");
    options.cacheDir = dir && *dir ? std::filesystem::path(dir) : test::scratchDir("lod-cache");
    auto baked = openOrBake(source, options);
    REQUIRE(baked);
    return std::move(*baked);
}

render::TargetDesc target() {
    render::TargetDesc d;
    d.width = 256;
    d.height = 256;
    return d;
}

// Renders `items` from `angles` around the sample points, returning the image and the stats.
struct Frame {
    render::Rgba8Image image;
    render::RenderStats stats;
};
Frame renderFrom(render::OffscreenRenderer& r, std::span<const render::DrawItem> items,
                 const std::vector<glm::dvec3>& points, nav::ViewAngles angles, double pixelError, bool cull = true) {
    render::FrameView view;
    view.aspect = r.aspect();
    view.camera = nav::framePoints(points, angles, view.aspect);
    view.pixelErrorBound = pixelError;
    view.frustumCull = cull;
    Frame f;
    f.image = r.render(view, items, &f.stats);
    return f;
}

std::vector<glm::dvec3> bakedSamples(const BakedModel& b, const glm::dmat4& toSite) {
    return samplePositions(toModel(b), toSite, 20000);
}

}  // namespace

TEST_CASE("a plain model is one cluster per primitive, culled when out of view", "[render][lod]") {
    auto ctx = test::makeValidatedContext();
    Model sphere = test::makeSphere(1.0f, 32, {230, 60, 40, 255}, {40, 90, 220, 255});
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(sphere);
    const render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Lit};
    auto points = samplePositions(sphere, glm::dmat4(1.0), 2000);

    auto seen = renderFrom(r, {&item, 1}, points, {30, 20, 1.0}, 1.0);
    CHECK(seen.stats.clusters == 1);
    CHECK(seen.stats.triangles == sphere.triangleCount());
    CHECK(seen.stats.drawCalls == 1);

    // Placed behind the camera: nothing drawn (the whole model is culled before its clusters).
    render::FrameView view;
    view.aspect = r.aspect();
    view.camera = nav::framePoints(points, {30, 20, 1.0}, view.aspect);
    glm::dmat4 behind(1.0);
    behind[3] = glm::dvec4(view.camera.position - glm::normalize(view.camera.forward) * 10.0, 1.0);
    const render::DrawItem hidden{gm.get(), behind, Shading::Lit};
    render::RenderStats stats;
    r.render(view, {&hidden, 1}, &stats);
    CHECK(stats.clusters == 0);
    CHECK(stats.drawCalls == 0);
    CHECK(stats.triangles == 0);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a baked scan at 1 px error looks like full detail, and far away draws far fewer triangles",
          "[render][lod]") {
    auto ctx = test::makeValidatedContext();
    BakedModel baked = openBaked("igea/igea.ply");
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(baked);
    const glm::dmat4 toSite = upAxisToZUp(baked.up);
    const render::DrawItem item{gm.get(), toSite, Shading::Lit};
    auto points = bakedSamples(baked, toSite);

    auto full = renderFrom(r, {&item, 1}, points, {30, 15, 1.0}, 0.0);
    auto lod = renderFrom(r, {&item, 1}, points, {30, 15, 1.0}, 1.0);
    CHECK(full.stats.triangles == baked.triangleCount());
    auto d = render::compareImages(full.image, lod.image, 16);
    INFO("1 px: " << lod.stats.triangles << " of " << full.stats.triangles << " triangles, "
                  << d.differingFraction * 100 << "% of pixels differ (max " << d.maxChannelDifference << ")");
    test::writeTestOutput("igea_lod_full", full.image);
    test::writeTestOutput("igea_lod_1px", lod.image);
    CHECK(lod.stats.triangles < full.stats.triangles);
    // The bound is geometric: silhouettes stay within a pixel, but larger triangles interpolate
    // the normals over more surface, so fine lit relief (the hair) softens. Measured: 2.1%.
    CHECK(d.differingFraction < 0.03);

    // Eight times as far: the cut moves up the hierarchy.
    auto far = renderFrom(r, {&item, 1}, points, {30, 15, 8.0}, 1.0);
    INFO("far: " << far.stats.triangles << " triangles in " << far.stats.clusters << " clusters");
    CHECK(far.stats.triangles * 10 < full.stats.triangles);
    CHECK(far.stats.clusters < lod.stats.clusters);

    // Instances share the GpuModel and each is counted.
    render::DrawItem twice[2] = {item, item};
    twice[1].modelToSite[3] += glm::dvec4(0.5, 0.0, 0.0, 0.0);
    auto pair = renderFrom(r, twice, points, {30, 15, 8.0}, 1.0);
    CHECK(pair.stats.clusters >= far.stats.clusters);
    CHECK(pair.stats.triangles > far.stats.triangles);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("frustum culling drops the clusters outside the view and changes no pixel", "[render][lod]") {
    auto ctx = test::makeValidatedContext();
    BakedModel baked = openBaked("igea/igea.ply");
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(baked);
    const glm::dmat4 toSite = upAxisToZUp(baked.up);
    const render::DrawItem item{gm.get(), toSite, Shading::Lit};
    // A close-up of the face: most of the head lies outside the view.
    auto points = bakedSamples(baked, toSite);
    auto culled = renderFrom(r, {&item, 1}, points, {30, 15, 0.35}, 0.0, true);
    auto all = renderFrom(r, {&item, 1}, points, {30, 15, 0.35}, 0.0, false);
    INFO("culled " << culled.stats.clustersCulled << " of " << all.stats.clusters << " clusters");
    CHECK(culled.stats.clustersCulled > 0);
    CHECK(culled.stats.clusters + culled.stats.clustersCulled == all.stats.clusters);
    CHECK(culled.stats.triangles < all.stats.triangles);
    CHECK(render::compareImages(culled.image, all.image, 2).differingFraction < 0.0005);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a baked model renders like its plain import", "[render][lod]") {
    auto ctx = test::makeValidatedContext();
    // igea: positions and octahedral normals, lit. Nefertiti: unorm16 uvs and a texture, unlit.
    for (const char* file : {"igea/igea.ply", "nefertiti-fraunhofer/Nefertiti.glb"}) {
        DYNAMIC_SECTION(file) {
            BakedModel baked = openBaked(file);
            auto plain = importModel(test::sharedDataFile(file));
            REQUIRE(plain);
            render::OffscreenRenderer r(*ctx, target());
            auto gmBaked = r.scene().upload(baked);
            auto gmPlain = r.scene().upload(*plain);
            const glm::dmat4 toSite = upAxisToZUp(baked.up);
            const Shading shading = defaultShading(*plain);
            auto points = samplePositions(*plain, toSite, 20000);
            const render::DrawItem a{gmPlain.get(), toSite, shading}, b{gmBaked.get(), toSite, shading};
            auto imgPlain = renderFrom(r, {&a, 1}, points, {30, 15, 1.0}, 0.0);
            auto imgBaked = renderFrom(r, {&b, 1}, points, {30, 15, 1.0}, 0.0);
            auto d = render::compareImages(imgPlain.image, imgBaked.image, 8);
            INFO(file << ": " << d.differingFraction * 100 << "% of pixels differ (max " << d.maxChannelDifference << ")");
            CHECK(d.differingFraction < 0.002);
            CHECK(imgBaked.stats.triangles == imgPlain.stats.triangles);
        }
    }
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a CPU device draws a baked model from its mapped cache, like one uploaded", "[render][lod][import]") {
    gpu::ContextOptions copyOptions;
    copyOptions.withoutHostPointerImport = true;
    auto inPlace = test::makeValidatedContext();
    auto copied = test::makeValidatedContext(copyOptions);
    const bool cpu = inPlace->properties().deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
    CHECK(inPlace->features().hostPointerImport == cpu);
    CHECK_FALSE(copied->features().hostPointerImport);

    std::vector<render::Rgba8Image> images;
    for (gpu::Context* ctx : {inPlace.get(), copied.get()}) {
        render::OffscreenRenderer r(*ctx, target());
        std::unique_ptr<render::GpuModel> gm;
        std::vector<glm::dvec3> points;
        glm::dmat4 toSite(1.0);
        {
            // The model is gone once uploaded, as in `axisview render`: what the GPU reads must
            // stay mapped all the same.
            BakedModel baked = openBaked("nefertiti-fraunhofer/Nefertiti.glb");
            gm = r.scene().upload(baked);
            toSite = upAxisToZUp(baked.up);
            points = bakedSamples(baked, toSite);
        }
        CHECK(gm->drawsFromMapping == ctx->features().hostPointerImport);
        const render::DrawItem item{gm.get(), toSite, Shading::Unlit};
        images.push_back(renderFrom(r, {&item, 1}, points, {30, 15, 1.0}, 1.0).image);
        REQUIRE(ctx->validationMessageCount() == 0);
    }
    CHECK(render::compareImages(images[0], images[1], 0).maxChannelDifference == 0);
}

TEST_CASE("host memory that is not aligned for import is refused, so the upload copies it", "[render][import]") {
    auto ctx = test::makeValidatedContext();
    if (!ctx->features().hostPointerImport) return;  // Only CPU devices import.
    const VkDeviceSize align = ctx->features().hostPointerAlignment;
    std::vector<std::byte> bytes(4 * align);
    auto* base = bytes.data() + (align - reinterpret_cast<std::uintptr_t>(bytes.data()) % align) % align;
    CHECK(gpu::Buffer::importHost(*ctx, {base, 2 * align}, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
    CHECK_FALSE(gpu::Buffer::importHost(*ctx, {base + 4, 2 * align - 4}, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
    CHECK_FALSE(gpu::Buffer::importHost(*ctx, {base, 0}, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
    REQUIRE(ctx->validationMessageCount() == 0);
}
