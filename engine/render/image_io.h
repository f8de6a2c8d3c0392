#pragma once
// PNG files and image comparison, for `axisview render`, screenshots and render tests.
#include <filesystem>

#include "core/error.h"
#include "gpu/readback.h"

namespace axis::render {

using gpu::Rgba8Image;

/// Writes an RGBA8 PNG atomically (no .bak: renders are outputs, not a user's work).
Status writePng(const std::filesystem::path& path, const Rgba8Image& image);
Expected<Rgba8Image> readPng(const std::filesystem::path& path);

struct ImageDifference {
    int maxChannelDifference = 0;     ///< Largest |a - b| over all pixels and channels, 0..255.
    double differingFraction = 0.0;   ///< Share of pixels with any channel above the threshold.
    Rgba8Image diff;                  ///< Differing pixels in red over a dimmed copy of `a`.
};

/// Compares two images of equal size; a pixel differs when any channel differs by more than
/// `channelThreshold`. Sizes that differ give differingFraction 1.
ImageDifference compareImages(const Rgba8Image& a, const Rgba8Image& b, int channelThreshold);

}  // namespace axis::render
