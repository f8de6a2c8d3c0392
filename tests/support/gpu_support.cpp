#include "support/gpu_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support/test_support.h"

namespace axis::test {
namespace fs = std::filesystem;

std::unique_ptr<gpu::Context> makeValidatedContext(gpu::ContextOptions options) {
    options.validation = true;
    auto context = gpu::Context::create(options);
    if (!context) {
        const std::string& m = context.error().message;
        if (m.find("no Vulkan") != std::string::npos) skip(m);
        FAIL(m);  // Validation layer missing or a broken driver: that must not pass silently.
    }
    return std::move(*context);
}

void requireMatchesBaseline(const std::string& name, const render::Rgba8Image& actual, Tolerance tolerance) {
    fs::path baseline = sourceDir() / "tests" / "baselines" / (name + ".png");
    fs::path outDir = fs::path(AXIS_TEST_OUTPUT_DIR);
    fs::create_directories(outDir);
    if (const char* update = std::getenv("AXIS_UPDATE_BASELINES"); update && std::string(update) == "1") {
        REQUIRE(render::writePng(baseline, actual).ok());
        WARN("baseline updated: " << baseline.string());
        return;
    }
    fs::path actualPath = outDir / (name + ".actual.png");
    auto expected = render::readPng(baseline);
    if (!expected) {
        REQUIRE(render::writePng(actualPath, actual).ok());
        FAIL("missing baseline " << baseline.string() << "; look at " << actualPath.string()
                                 << " and accept it with: cp " << actualPath.string() << " " << baseline.string());
    }
    auto d = render::compareImages(actual, *expected, tolerance.channel);
    std::printf("render %s: max channel difference %d, %.4f%% of pixels above %d (allowed %.4f%%)\n", name.c_str(),
                d.maxChannelDifference, d.differingFraction * 100.0, tolerance.channel, tolerance.pixelShare * 100.0);
    if (d.differingFraction > tolerance.pixelShare) {
        fs::path diffPath = outDir / (name + ".diff.png");
        REQUIRE(render::writePng(actualPath, actual).ok());
        REQUIRE(render::writePng(diffPath, d.diff).ok());
        FAIL(name << " differs from its baseline: " << d.differingFraction * 100.0 << "% of pixels differ by more than "
                  << tolerance.channel << "; actual " << actualPath.string() << ", diff " << diffPath.string()
                  << "; if the change is intended: cp " << actualPath.string() << " " << baseline.string());
    }
}

std::string writeTestOutput(const std::string& name, const render::Rgba8Image& image) {
    fs::path dir = fs::path(AXIS_TEST_OUTPUT_DIR);
    fs::create_directories(dir);
    fs::path path = dir / (name + ".png");
    REQUIRE(render::writePng(path, image).ok());
    return path.string();
}

double coverage(const render::Rgba8Image& image, glm::u8vec3 background, int threshold) {
    size_t covered = 0;
    for (size_t i = 0; i < image.pixels.size(); i += 4) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(image.pixels[i + c]) - int(background[c])));
        covered += d > threshold;
    }
    return image.pixels.empty() ? 0.0 : double(covered) / double(image.pixels.size() / 4);
}

glm::ivec3 pixelAt(const render::Rgba8Image& image, uint32_t x, uint32_t y) {
    const uint8_t* p = &image.pixels[(std::size_t(y) * image.width + x) * 4];
    return {p[0], p[1], p[2]};
}

}  // namespace axis::test
