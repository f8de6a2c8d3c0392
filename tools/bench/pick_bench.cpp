// axis_bench_pick [MODEL] [COPIES] [EAST]: builds the BVH over COPIES side-by-side copies of MODEL
// (default: ../shared/data/venus-gltf-draco/venus.gltf, 2 copies = 1.2M triangles) placed EAST
// metres from the site origin (default 4.4e6, like projected coordinates), then times
// 10,000 picks through random pixels of a view framing them, and brute force on a subset of the
// same rays, which it also checks the BVH agrees with. Prints times and the speed-up as a ratio.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <random>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "asset/import.h"
#include "nav/framing.h"
#include "scene/bvh.h"

using namespace axis;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::filesystem::path defaultModel() {
    if (const char* dir = std::getenv("AXIS_DATA_DIR")) return std::filesystem::path(dir) / "venus-gltf-draco/venus.gltf";
    // The shared data folder beside the checkout, found from the source tree this was built from.
    return std::filesystem::path(AXIS_BENCH_SOURCE_DIR) / "../shared/data/venus-gltf-draco/venus.gltf";
}

// A ray through a uniformly random pixel of `cam`'s view (aspect 16:9).
glm::dvec3 randomRay(const Camera& cam, std::mt19937& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    const glm::dvec3 f = glm::normalize(cam.forward);
    const glm::dvec3 r = glm::normalize(glm::cross(f, glm::dvec3(0, 0, 1)));
    const glm::dvec3 up = glm::cross(r, f);
    const double t = std::tan(cam.fovY / 2);
    return glm::normalize(f + r * (u(rng) * t * 16.0 / 9.0) + up * (u(rng) * t));
}

// A uniformly random point inside a random triangle: never exactly on a vertex or an edge,
// where float and double tests may rightly disagree about which of two triangles a ray enters.
glm::dvec3 randomSurfacePoint(const std::vector<PlacedModel>& placed, std::mt19937& rng) {
    const PlacedModel& pm = placed[rng() % placed.size()];
    const Primitive* prim = nullptr;
    while (!prim || prim->topology != Topology::Triangles || prim->indices.size() < 3)
        prim = &pm.model->primitives[rng() % pm.model->primitives.size()];
    const std::size_t tri = rng() % (prim->indices.size() / 3);
    std::uniform_real_distribution<double> u(0.05, 0.95);
    double a = u(rng), b = u(rng);
    if (a + b > 1.0) { a = 1.0 - a; b = 1.0 - b; }
    auto corner = [&](int k) { return glm::dvec3(prim->vertices[prim->indices[3 * tri + k]].position); };
    const glm::dvec3 local = corner(0) + (corner(1) - corner(0)) * a + (corner(2) - corner(0)) * b;
    return glm::dvec3(pm.modelToSite * glm::dvec4(local, 1.0));
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path path = argc > 1 ? std::filesystem::path(argv[1]) : defaultModel();
    const int copies = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;
    // Metres east of the site origin, as for projected coordinates: exercises the float frame.
    const double east = argc > 3 ? std::atof(argv[3]) : 4.4e6;
    std::printf("model: %s (x%d)\n", path.string().c_str(), copies);
    auto t0 = Clock::now();
    auto model = importModel(path);
    if (!model) {
        std::fprintf(stderr, "axis_bench_pick: %s\n", model.error().message.c_str());
        return 1;
    }
    std::printf("import: %.2f s\n", secondsSince(t0));

    // Copies side by side along x, each turned z-up.
    const glm::dmat4 up = upAxisToZUp(model->up);
    const double step = model->bounds.transformed(up).size().x * 1.1;
    std::vector<PlacedModel> placed;
    for (int i = 0; i < copies; ++i)
        placed.push_back({&*model, glm::translate(glm::dmat4(1.0), glm::dvec3(east + i * step, 0.1 * east, 0)) * up});

    t0 = Clock::now();
    const Bvh bvh = Bvh::build(placed);
    const double buildSeconds = secondsSince(t0);
    std::printf("BVH build: %zu triangles, %zu nodes, %.3f s (%.2f M triangles/s)\n", bvh.triangleCount(),
                bvh.nodeCount(), buildSeconds, bvh.triangleCount() / buildSeconds / 1e6);

    const Camera cam = nav::frameBounds(bvh.bounds(), {30.0, 20.0, 1.0}, 16.0 / 9.0);
    std::mt19937 rng(42);
    constexpr int kRays = 10000;
    std::vector<glm::dvec3> rays(kRays);
    for (auto& r : rays) r = randomRay(cam, rng);

    // Two sets: rays through random pixels (many miss, as real clicks on sky do), and rays aimed
    // at random points of the surface (all hit: the costly case).
    std::vector<glm::dvec3> aimed;
    for (int i = 0; i < kRays; ++i) aimed.push_back(glm::normalize(randomSurfacePoint(placed, rng) - cam.position));

    std::vector<double> aimedTimes;
    for (const auto* set : {&rays, &aimed}) {
        std::vector<double> times(kRays);
        int hits = 0;
        for (int i = 0; i < kRays; ++i) {
            const auto start = Clock::now();
            const auto hit = bvh.raycast(cam.position, (*set)[i], 1e9);
            times[i] = secondsSince(start);
            hits += hit.has_value();
        }
        const double mean = std::accumulate(times.begin(), times.end(), 0.0) / kRays;
        std::printf("BVH pick, %s: %d rays, %d hit; mean %.2f us, p50 %.2f us, p99 %.2f us, max %.2f us\n",
                    set == &rays ? "random pixels" : "aimed at the surface", kRays, hits, mean * 1e6,
                    percentile(times, 0.5) * 1e6, percentile(times, 0.99) * 1e6,
                    *std::max_element(times.begin(), times.end()) * 1e6);
        aimedTimes = times;
    }

    t0 = Clock::now();
    int occluded = 0;
    for (const auto& r : aimed) occluded += bvh.anyHit(cam.position, r, 1e9);
    std::printf("BVH anyHit, aimed: mean %.2f us (%d occluded)\n", secondsSince(t0) / kRays * 1e6, occluded);

    constexpr int kBrute = 50;  // Every 200th aimed ray: brute force is linear in triangles.
    double bruteTotal = 0.0, bvhTotal = 0.0;
    int disagreements = 0;
    for (int i = 0; i < kRays; i += kRays / kBrute) {
        const auto start = Clock::now();
        const auto slow = raycastBruteForce(placed, cam.position, aimed[i], 1e9);
        bruteTotal += secondsSince(start);
        bvhTotal += aimedTimes[i];
        const auto fast = bvh.raycast(cam.position, aimed[i], 1e9);
        if (fast.has_value() != slow.has_value() ||
            (fast && std::abs(fast->distance - slow->distance) > 1e-4 * (1.0 + slow->distance)))
        {
            ++disagreements;
            std::printf("  ray %d: BVH %s %.6f, brute force %s %.6f\n", i, fast ? "hit" : "miss",
                        fast ? fast->distance : 0.0, slow ? "hit" : "miss", slow ? slow->distance : 0.0);
        }
    }
    std::printf("brute force, aimed: %d rays, mean %.2f ms; same rays with the BVH mean %.2f us; "
                "BVH speed-up %.0fx; disagreements %d\n",
                kBrute, bruteTotal / kBrute * 1e3, bvhTotal / kBrute * 1e6, bruteTotal / bvhTotal, disagreements);
    return disagreements == 0 ? 0 : 2;
}
