#include "viewer/demo_site.h"

#include <cstdlib>
#include <unistd.h>

#include "core/log.h"
#include "gpu/context.h"
#include "nav/framing.h"
#include "render/image_io.h"
#include "render/offscreen.h"
#include "viewer/cli_util.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"
#include "site/site_sun.h"

namespace axis::viewer {
namespace fs = std::filesystem;

fs::path demoSitePath() {
    if (const char* env = std::getenv("AXIS_DEMO_SITE")) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // The build tree puts the demo beside the executable; `cmake --install` and the .deb put it in
        // PREFIX/share/axisview, found from PREFIX/bin so that any prefix works.
        const fs::path bin = exe.parent_path();
        for (const fs::path& dir : {bin / "demo", bin / ".." / "share" / "axisview" / "demo"}) {
            const fs::path site = (dir / "central-axis.site.json").lexically_normal();
            if (fs::exists(site, ec)) return site;
        }
    }
    return fs::path(AXIS_BUILD_DEMO_DIR) / "central-axis.site.json";
}

int renderStills(const fs::path& scenePath, const fs::path& outDir) {
    site::LoadOptions options;
    options.cpuModels = false;  // Stills draw the baked streams; a CPU copy would only cost memory.
    auto scene = site::loadScene(scenePath, options, Progress::toStderr());
    if (!scene) {
        logError(scene.error().message);
        return kExitFailure;
    }
    auto context = gpu::Context::create();
    if (!context) {
        logError(context.error().message);
        return kExitFailure;
    }
    std::error_code ec;
    fs::create_directories(outDir, ec);
    render::TargetDesc desc;
    desc.width = 1280;
    desc.height = 720;
    render::OffscreenRenderer renderer(**context, desc);
    site::GpuScene gpuScene;
    gpuScene.addAll(renderer.scene(), *scene);
    std::vector<glm::dvec3> silhouette;
    for (const auto& m : scene->models) {
        auto pts = samplePositions(m, 50000 / scene->models.size() + 8);
        silhouette.insert(silhouette.end(), pts.begin(), pts.end());
    }
    std::vector<std::pair<std::string, Camera>> shots = {
        {"overview", nav::framePoints(silhouette, {20.0, 25.0, 1.0}, renderer.aspect())}};
    for (const auto& [name, camera] : scene->viewpoints) shots.emplace_back(name, camera);
    render::Lighting lighting;  // The site's saved sun, as render shows it; else the default light.
    if (auto sun = site::chosenSun(*scene, "")) {
        lighting = *site::siteSunlight(*scene, sun->time);  // Checked when the site was read.
        lighting.shadows = sun->shadows;
    }
    for (size_t i = 0; i < shots.size(); ++i) {
        render::FrameView view;
        view.aspect = renderer.aspect();
        view.camera = shots[i].second;
        view.lighting = lighting;
        char file[64];
        std::snprintf(file, sizeof file, "%02zu-%s.png", i, shots[i].first.c_str());
        const auto items = gpuScene.itemsForStill(renderer.scene(), *scene, view, double(desc.height));
        if (auto s = render::writePng(outDir / file, renderer.render(view, items)); !s) {
            logError(s.error().message);
            return kExitFailure;
        }
        Progress::toStderr().report("rendering stills", double(i + 1) / double(shots.size()));
    }
    logInfo("wrote " + std::to_string(shots.size()) + " stills to " + fs::absolute(outDir).string());
    return (*context)->validationMessageCount() ? kExitFailure : 0;
}

}  // namespace axis::viewer
