#pragma once
// Output presets for publishing (`axisview record --format NAME`) and the H.264 profile and level
// a size and frame rate need. Each preset fixes the frame size and suggests a frame rate, a CRF
// and a peak bitrate; the encoder then runs libx264 at High profile, the lowest level whose
// limits (ITU-T H.264 Table A-1: macroblocks per frame and per second) hold the size and rate,
// and caps peaks (VBV) at the preset's rate, scaled with the frame rate, within the level's limit.
// 8K (7680x4320) is H.264 level 6.0 at 30 fps, 6.1 at 60: libx264 in Debian 12's FFmpeg 5.1
// encodes it; decoders that stop at level 5.2 (many phones and browsers) will not play it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::record {

struct FormatPreset {
    std::string_view name;
    std::uint32_t width = 0, height = 0;
    int fps = 30;          ///< Default; --fps overrides.
    int crf = 20;          ///< Default; --quality overrides.
    int typicalKbps = 0;   ///< What uploads of this size usually carry at 30 fps (guide only).
    int peakKbps = 0;      ///< VBV maximum rate at 30 fps; scaled by fps / 30.
    std::string_view use;  ///< Where it is meant to go, for --help.
};

/// landscape-1080, landscape-4k, landscape-8k, vertical-1080x1920, square-1080.
const std::vector<FormatPreset>& formatPresets();
const FormatPreset* findFormatPreset(std::string_view name);
/// "landscape-1080|landscape-4k|..." for messages.
std::string formatPresetNames();

/// The H.264 level (level_idc: 40 = 4.0, 51 = 5.1...) a width x height video at fps needs, or
/// nullopt beyond level 6.2.
std::optional<int> h264LevelFor(std::uint32_t width, std::uint32_t height, int fps);
/// "4.0", "5.1"...
std::string levelName(int levelIdc);

/// VBV settings for a High-profile stream: the preset's peak (scaled by fps / 30) within the
/// level's maximum bitrate, and a buffer of twice that within the level's CPB size.
struct RateCap {
    int maxKbps = 0, bufferKbits = 0;
};
RateCap rateCapFor(const FormatPreset& preset, int fps, int levelIdc);

/// What the device must offer to render width x height frames with `samples` MSAA samples.
struct DeviceCapacity {
    std::uint32_t maxImageDimension2D = 0;  ///< VkPhysicalDeviceLimits.
    std::uint64_t largestDeviceHeap = 0;    ///< Bytes of the largest device-local memory heap.
};
/// Bytes the offscreen targets take: colour and depth per sample, a resolved colour and a
/// readback copy (an estimate; the renderer's other buffers are small beside them at 4K and up).
std::uint64_t frameTargetBytes(std::uint32_t width, std::uint32_t height, int samples);
/// Why the device cannot render such frames (the size, its limit, the memory), or nullopt.
std::optional<std::string> checkDeviceFits(const DeviceCapacity& device, std::uint32_t width, std::uint32_t height,
                                           int samples);

}  // namespace axis::record
