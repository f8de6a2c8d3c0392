#pragma once
// RIFF WAVE files at 48 kHz stereo, for sound made in code (the demo site's music bed, tests);
// decode.h reads them back like any other sound file.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "audio/pcm.h"
#include "core/error.h"

namespace axis::audio {

enum class WavFormat { Pcm16, Float32 };

/// The file's bytes: a canonical 44-byte header (WAVE_FORMAT_PCM or WAVE_FORMAT_IEEE_FLOAT)
/// and the samples; 16-bit samples are clamped and rounded.
std::vector<std::uint8_t> wavBytes(const Pcm& pcm, WavFormat format = WavFormat::Pcm16);

/// Writes wavBytes() atomically; errors name `path`.
Status writeWav(const std::filesystem::path& path, const Pcm& pcm, WavFormat format = WavFormat::Pcm16);

}  // namespace axis::audio
