// Stereo 360° (omni-directional stereo, top-bottom): the views' geometry, their stitching on a
// synthetic panorama, and `record --projection equirect-stereo` on a small site built here: the
// MP4's spherical and stereo tags, a square frame, the disparity of a near object against a far
// one, poles that agree, identical reruns and bad options.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>

#include <glm/gtc/constants.hpp>
#include <nlohmann/json.hpp>

#include "gpu/context.h"
#include "record/equirect_stereo.h"
#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

constexpr double kPi = glm::pi<double>();

// A smooth panorama: each channel a linear function of the direction (as in equirect_test.cpp).
glm::dvec3 colourOf(const glm::dvec3& d) { return glm::dvec3(128.0) + 100.0 * d; }

// What a view sees of colourOf(): its direction through each pixel centre.
gpu::Rgba8Image syntheticView(const record::PanoramaView& v, record::TargetSize size) {
    const glm::dvec3 right = glm::cross(v.forward, v.up);
    gpu::Rgba8Image img{size.width, size.height, std::vector<std::uint8_t>(std::size_t(size.width) * size.height * 4)};
    for (std::uint32_t y = 0; y < size.height; ++y)
        for (std::uint32_t x = 0; x < size.width; ++x) {
            const double sx = (2.0 * (x + 0.5) / size.width - 1.0) * v.tanHalfX;
            const double sy = (1.0 - 2.0 * (y + 0.5) / size.height) * v.tanHalfY;
            const glm::dvec3 c = colourOf(glm::normalize(v.forward + sx * right + sy * v.up));
            std::uint8_t* p = &img.pixels[(std::size_t(y) * size.width + x) * 4];
            for (int k = 0; k < 3; ++k) p[k] = std::uint8_t(std::lround(c[k]));
            p[3] = 255;
        }
    return img;
}

std::vector<gpu::Rgba8Image> syntheticViews(const std::vector<record::PanoramaView>& views, record::TargetSize size) {
    std::vector<gpu::Rgba8Image> out;
    for (const auto& v : views) out.push_back(syntheticView(v, size));
    return out;
}

using Run = test::CommandResult;
Run axisview(const std::string& args) { return test::runShell(std::string(AXIS_EXECUTABLE) + " " + args); }

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// An axis-aligned box of one colour, appended to a PLY's vertices and faces (site frame, z up).
void addBox(std::vector<std::string>& vertices, std::vector<std::string>& faces, glm::dvec3 lo, glm::dvec3 hi,
            const char* rgb) {
    const std::size_t base = vertices.size();
    for (int i = 0; i < 8; ++i) {
        const glm::dvec3 p(i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z);
        vertices.push_back(std::to_string(p.x) + " " + std::to_string(p.y) + " " + std::to_string(p.z) + " " + rgb);
    }
    const int quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& q : quads) {
        faces.push_back("3 " + std::to_string(base + q[0]) + " " + std::to_string(base + q[1]) + " " +
                        std::to_string(base + q[2]));
        faces.push_back("3 " + std::to_string(base + q[0]) + " " + std::to_string(base + q[2]) + " " +
                        std::to_string(base + q[3]));
    }
}

// The test site: the camera at (0, 0, 1.5) looking north; a red box 20 cm wide whose front face
// is 1.9 m ahead at eye height, and a green box 10 m wide 100 m to the east. Unlit, so colours
// are exact; both faces of every triangle are drawn or culled alike from any eye.
fs::path writeSite(const fs::path& dir) {
    std::vector<std::string> vertices, faces;
    addBox(vertices, faces, {-0.1, 1.9, 1.4}, {0.1, 2.1, 1.6}, "255 0 0");
    addBox(vertices, faces, {95.0, -5.0, -3.5}, {105.0, 5.0, 6.5}, "0 255 0");
    std::ofstream ply(dir / "boxes.ply");
    ply << "ply\nformat ascii 1.0\nelement vertex " << vertices.size()
        << "\nproperty float x\nproperty float y\nproperty float z\n"
           "property uchar red\nproperty uchar green\nproperty uchar blue\nelement face "
        << faces.size() << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& v : vertices) ply << v << "\n";
    for (const auto& f : faces) ply << f << "\n";
    std::ofstream(dir / "boxes.site.json") << R"({"format": "axisview-site", "version": "1.2",
        "name": {"en": "boxes"},
        "models": [{"id": "boxes", "source": "boxes.ply", "up": "z", "shading": "unlit"}]})";
    std::ofstream(dir / "still.path.json") << R"({"format": "axisview-path", "version": "1.0",
        "keyframes": [{"time": 0, "position": [0, 0, 1.5], "yaw": 0, "pitch": 0},
                      {"time": 1, "position": [0, 0, 1.5], "yaw": 0, "pitch": 0}]})";
    return dir / "boxes.site.json";
}

// Mean column (in pixels, +0.5 at a pixel's centre) of the pixels in rows [y0, y1) that `is` picks.
double meanColumn(const gpu::Rgba8Image& img, std::uint32_t y0, std::uint32_t y1, bool (*is)(const std::uint8_t*),
                  int& count) {
    double sum = 0.0;
    count = 0;
    for (std::uint32_t y = y0; y < y1; ++y)
        for (std::uint32_t x = 0; x < img.width; ++x)
            if (is(&img.pixels[(std::size_t(y) * img.width + x) * 4])) {
                sum += x + 0.5;
                ++count;
            }
    return count ? sum / count : -1.0;
}

bool isRed(const std::uint8_t* p) { return p[0] > 160 && p[1] < 90 && p[2] < 90; }
bool isGreen(const std::uint8_t* p) { return p[1] > 160 && p[0] < 90 && p[2] < 90; }

void requireDevice() {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
}

}  // namespace

TEST_CASE("each eye's slices look from beside the centre, tangentially, the caps from the centre", "[record][ods]") {
    record::StereoSettings settings;
    settings.eyeSeparation = 0.064;
    settings.sectors = 16;
    const glm::dvec3 centre(10, 20, 1.5);
    const auto layout = record::stereoLayout(centre, 90.0, settings, 4096);
    REQUIRE(layout.eyes[0].size() == 16);
    REQUIRE(layout.eyes[1].size() == 16);
    for (int eye = 0; eye < 2; ++eye)
        for (const auto& v : layout.eyes[eye]) {
            const glm::dvec3 offset = v.position - centre;
            CHECK(glm::length(offset) == Approx(0.032));
            CHECK(glm::dot(offset, v.forward) == Approx(0.0).margin(1e-12));  // Tangential.
            // The left eye sits to the left of its slice's direction, the right eye to the right.
            const double side = glm::dot(offset, glm::cross(v.forward, v.up));
            CHECK((eye == 0 ? side < 0.0 : side > 0.0));
        }
    // Heading 90° (east): slice 8 of 16 looks along the heading, the left eye to the north of it.
    CHECK(layout.eyes[0][8].forward.x == Approx(1.0));
    CHECK(layout.eyes[0][8].position.y == Approx(20.032));
    REQUIRE(layout.caps.size() >= 2);
    for (const auto& v : layout.caps) {
        CHECK(v.position == centre);
        CHECK(std::abs(v.forward.z) == Approx(1.0));
    }
}

TEST_CASE("slices and caps stitch into two seamless 2:1 panoramas, one above the other", "[record][ods]") {
    record::StereoSettings settings;
    settings.sectors = 12;
    const std::uint32_t width = 256;
    const auto size = record::stereoTargetSize(width, settings);
    const auto layout = record::stereoLayout(glm::dvec3(0.0), 0.0, settings, width);
    const auto frame =
        record::stereoFromViews(layout, syntheticViews(layout.eyes[0], size), syntheticViews(layout.eyes[1], size),
                                syntheticViews(layout.caps, size), width);
    REQUIRE(frame.width == width);
    REQUIRE(frame.height == width);
    // Directions alone decide colourOf(), so each half must show it at every pixel: the right
    // slice and cap chosen, each sampled at the right place, the fade blending like with like.
    int worst = 0;
    for (std::uint32_t y = 0; y < width; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            const std::uint32_t row = y % (width / 2);
            const double lat = (0.5 - (row + 0.5) / (width / 2)) * kPi;
            const double lon = ((x + 0.5) / width - 0.5) * 2.0 * kPi;
            const glm::dvec3 want =
                colourOf({std::cos(lat) * std::sin(lon), std::cos(lat) * std::cos(lon), std::sin(lat)});
            for (int k = 0; k < 3; ++k)
                worst = std::max(
                    worst, int(std::lround(std::abs(frame.pixels[(std::size_t(y) * width + x) * 4 + k] - want[k]))));
        }
    INFO("largest error " << worst);
    CHECK(worst <= 3);
}

TEST_CASE("record --projection equirect-stereo: tagged, square, with the disparity geometry predicts",
          "[record][app][ods]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_ods");
    const fs::path site = writeSite(dir);
    const std::string base = "record '" + site.string() + "' --path '" + (dir / "still.path.json").string() +
                             "' --duration 0.2 --fps 5 --audio none --projection equirect-stereo ";
    const std::uint32_t width = 512;
    const double separation = 0.2;  // 200 mm: a disparity of several pixels at this size.
    const std::string stereo = base + "--size 512x512 --eye-separation 200 ";

    Run png = axisview(stereo + "-o '" + (dir / "png/%03d.png").string() + "'");
    INFO(png.output);
    REQUIRE(png.exitCode == 0);
    auto frame = render::readPng(dir / "png/000.png");
    REQUIRE(frame.ok());
    REQUIRE(frame->width == width);
    REQUIRE(frame->height == width);

    // The near box: its front face, 1.9 m ahead, seen from eyes 10 cm either side of the centre
    // line, lies atan(0.1 / 1.9) right of the heading for the left eye (top half) and as far
    // left for the right eye (bottom). Tolerance 1 px: the face's edges are antialiased.
    const std::uint32_t half = width / 2;
    int leftCount = 0, rightCount = 0;
    const double left = meanColumn(*frame, 0, half, isRed, leftCount);
    const double right = meanColumn(*frame, half, width, isRed, rightCount);
    REQUIRE(leftCount > 20);
    REQUIRE(rightCount > 20);
    const double predicted = 2.0 * std::atan(0.5 * separation / 1.9) * width / (2.0 * kPi);
    INFO("left eye at column " << left << ", right eye at " << right << ", predicted disparity " << predicted);
    CHECK(left > width / 2.0);
    CHECK(right < width / 2.0);
    CHECK(left - right == Approx(predicted).margin(1.0));
    // The far box, 100 m east: 0.2 m between the eyes moves it 0.002 rad, a sixth of a pixel.
    const double farLeft = meanColumn(*frame, 0, half, isGreen, leftCount);
    const double farRight = meanColumn(*frame, half, width, isGreen, rightCount);
    REQUIRE(leftCount > 20);
    REQUIRE(rightCount > 20);
    INFO("far box at column " << farLeft << " and " << farRight);
    CHECK(std::abs(farLeft - farRight) < 0.5);
    CHECK(farLeft == Approx(0.75 * width).margin(1.0));  // East is 90° right of north.

    // Above kStereoFadeEnd both eyes show the centre's view: the same bytes.
    const auto capRows = std::uint32_t(std::floor((90.0 - record::kStereoFadeEnd) / 180.0 * half));
    const std::size_t rowBytes = std::size_t(width) * 4;
    for (const std::uint32_t row : {0u, capRows - 1, half - capRows, half - 1}) {
        INFO("row " << row << " of each eye");
        CHECK(std::equal(frame->pixels.begin() + std::ptrdiff_t(row * rowBytes),
                         frame->pixels.begin() + std::ptrdiff_t((row + 1) * rowBytes),
                         frame->pixels.begin() + std::ptrdiff_t((row + half) * rowBytes)));
    }

    // The MP4: square, tagged equirectangular and top-bottom, the same bytes on a rerun.
    Run mp4 = axisview(base + "--size 256x256 --preset ultrafast -o '" + (dir / "a.mp4").string() + "'");
    INFO(mp4.output);
    REQUIRE(mp4.exitCode == 0);
    REQUIRE(axisview(base + "--size 256x256 --preset ultrafast -o '" + (dir / "b.mp4").string() + "'").exitCode == 0);
    CHECK(bytesOf(dir / "a.mp4") == bytesOf(dir / "b.mp4"));
    Run probe = test::runShell("ffprobe -v error -show_streams -of json '" + (dir / "a.mp4").string() + "'");
    REQUIRE(probe.exitCode == 0);
    const auto streams = nlohmann::json::parse(probe.output)["streams"];
    REQUIRE(streams.size() == 1);
    CHECK(streams[0]["width"] == 256);
    CHECK(streams[0]["height"] == 256);
    std::string projection, stereoType;
    for (const auto& side : streams[0].value("side_data_list", nlohmann::json::array())) {
        if (side.value("side_data_type", "") == "Spherical Mapping") projection = side.value("projection", "");
        if (side.value("side_data_type", "") == "Stereo 3D") stereoType = side.value("type", "");
    }
    INFO(probe.output);
    CHECK(projection == "equirectangular");
    CHECK(stereoType == "top and bottom");
}

TEST_CASE("record --projection equirect-stereo refuses a frame that is not square and a bad eye separation",
          "[record][app][ods]") {
    const fs::path dir = test::scratchDir("record_ods_usage");
    const fs::path site = writeSite(dir);
    const std::string base = "record '" + site.string() + "' --path '" + (dir / "still.path.json").string() +
                             "' --audio none --projection equirect-stereo -o '" + (dir / "x.mp4").string() + "' ";
    for (const auto& [args, option] :
         std::vector<std::pair<std::string, std::string>>{{"--size 512x256", "--size"},
                                                          {"--eye-separation -5", "--eye-separation"},
                                                          {"--eye-separation 0", "--eye-separation"},
                                                          {"--eye-separation 5000", "--eye-separation"}}) {
        Run r = axisview(base + args);
        INFO(args << ": " << r.output);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains(option));
    }
    Run mono = axisview("record '" + site.string() + "' --path '" + (dir / "still.path.json").string() +
                        "' --projection equirect --eye-separation 64 -o '" + (dir / "x.mp4").string() + "'");
    CHECK(mono.exitCode == 2);
    CHECK_THAT(mono.output, Catch::Contains("--eye-separation: only with --projection equirect-stereo"));
    CHECK_FALSE(fs::exists(dir / "x.mp4"));
}
