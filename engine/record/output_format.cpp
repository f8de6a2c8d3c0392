#include "record/output_format.h"

#include <algorithm>
#include <array>

namespace axis::record {
namespace {

// ITU-T H.264 (08/2021) Table A-1, with the High-profile factor 1.25 (Table A-2) applied to
// MaxBR and MaxCPB.
struct LevelLimits {
    int idc;
    std::int64_t macroblocksPerSecond, macroblocksPerFrame;
    int maxKbps, cpbKbits;  ///< High profile.
};
constexpr std::array<LevelLimits, 19> kLevels{{
    {10, 1485, 99, 80, 218},
    {11, 3000, 396, 240, 625},
    {12, 6000, 396, 480, 1250},
    {13, 11880, 396, 960, 2500},
    {20, 11880, 396, 2500, 2500},
    {21, 19800, 792, 5000, 5000},
    {22, 20250, 1620, 5000, 5000},
    {30, 40500, 1620, 12500, 12500},
    {31, 108000, 3600, 17500, 17500},
    {32, 216000, 5120, 25000, 25000},
    {40, 245760, 8192, 25000, 31250},
    {41, 245760, 8192, 62500, 78125},
    {42, 522240, 8704, 62500, 78125},
    {50, 589824, 22080, 168750, 168750},
    {51, 983040, 36864, 300000, 300000},
    {52, 2073600, 36864, 300000, 300000},
    {60, 4177920, 139264, 300000, 300000},
    {61, 8355840, 139264, 600000, 600000},
    {62, 16711680, 139264, 1000000, 1000000},
}};

const LevelLimits* limitsOf(int idc) {
    for (const LevelLimits& l : kLevels)
        if (l.idc == idc) return &l;
    return nullptr;
}

}  // namespace

const std::vector<FormatPreset>& formatPresets() {
    // Typical rates follow the upload recommendations of the big video platforms for SDR H.264.
    static const std::vector<FormatPreset> kPresets{
        {"landscape-1080", 1920, 1080, 30, 20, 8000, 20000, "web pages, YouTube, Bilibili, projectors"},
        {"landscape-4k", 3840, 2160, 30, 20, 40000, 68000, "4K displays and archives"},
        {"landscape-8k", 7680, 4320, 30, 20, 120000, 240000, "8K walls and masters (H.264 level 6)"},
        {"vertical-1080x1920", 1080, 1920, 30, 20, 8000, 20000, "phones: Douyin, Shorts, Reels, stories"},
        {"square-1080", 1080, 1080, 30, 20, 5000, 12000, "social feeds: WeChat Channels, Weibo, Instagram"},
    };
    return kPresets;
}

const FormatPreset* findFormatPreset(std::string_view name) {
    for (const FormatPreset& p : formatPresets())
        if (p.name == name) return &p;
    return nullptr;
}

std::string formatPresetNames() {
    std::string out;
    for (const FormatPreset& p : formatPresets()) out += (out.empty() ? "" : "|") + std::string(p.name);
    return out;
}

std::optional<int> h264LevelFor(std::uint32_t width, std::uint32_t height, int fps) {
    const std::int64_t mbWide = (width + 15) / 16, mbHigh = (height + 15) / 16, frame = mbWide * mbHigh;
    for (const LevelLimits& l : kLevels) {
        // A frame's side may not exceed sqrt(8 * MaxFS) macroblocks (A.3.1 f, g).
        const bool sidesFit =
            mbWide * mbWide <= 8 * l.macroblocksPerFrame && mbHigh * mbHigh <= 8 * l.macroblocksPerFrame;
        if (frame <= l.macroblocksPerFrame && sidesFit && frame * fps <= l.macroblocksPerSecond) return l.idc;
    }
    return std::nullopt;
}

std::string levelName(int levelIdc) { return std::to_string(levelIdc / 10) + "." + std::to_string(levelIdc % 10); }

RateCap rateCapFor(const FormatPreset& preset, int fps, int levelIdc) {
    const LevelLimits* level = limitsOf(levelIdc);
    const std::int64_t scaled = std::int64_t(preset.peakKbps) * std::max(fps, 30) / 30;
    RateCap cap;
    cap.maxKbps = int(level ? std::min<std::int64_t>(scaled, level->maxKbps) : scaled);
    cap.bufferKbits = level ? std::min(2 * cap.maxKbps, level->cpbKbits) : 2 * cap.maxKbps;
    return cap;
}

std::uint64_t frameTargetBytes(std::uint32_t width, std::uint32_t height, int samples) {
    const std::uint64_t pixels = std::uint64_t(width) * height;
    return pixels * (8ull * std::uint64_t(std::max(samples, 1)) + 8ull);
}

std::optional<std::string> checkDeviceFits(const DeviceCapacity& device, std::uint32_t width, std::uint32_t height,
                                           int samples) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    if (std::max(width, height) > device.maxImageDimension2D)
        return size + " frames are larger than this device's largest image (" +
               std::to_string(device.maxImageDimension2D) + " pixels a side)";
    const std::uint64_t need = frameTargetBytes(width, height, samples);
    // Half the heap at most: the scene's meshes and textures need the rest.
    if (device.largestDeviceHeap > 0 && need > device.largestDeviceHeap / 2)
        return size + " frames with " + std::to_string(samples) + " samples need about " + std::to_string(need >> 20) +
               " MiB of render targets; this device's largest memory heap has " +
               std::to_string(device.largestDeviceHeap >> 20) + " MiB (try --samples 1 or a smaller --format)";
    return std::nullopt;
}

}  // namespace axis::record
