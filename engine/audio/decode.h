#pragma once
// Reading sound files: anything FFmpeg reads (Ogg Vorbis/Opus, MP3, AAC/M4A, FLAC, WAV...),
// the first audio stream, resampled (libswresample) to 48 kHz stereo float. Mono is spread to
// both sides; more channels are downmixed by FFmpeg's standard matrix.
//
// Files come from site folders people edit, so every failure is an error value naming the file:
// missing or unreadable, no audio stream, nothing decodable, corrupt or truncated data, or longer
// than `kMaxDecodeSeconds` (a bound on memory: an hour of 48 kHz stereo float is 1.4 GB).
// Callers report it and go on without that sound.
#include <filesystem>

#include "audio/pcm.h"
#include "core/error.h"

namespace axis::audio {

inline constexpr double kMaxDecodeSeconds = 30.0 * 60.0;

/// Decodes the whole first audio stream of `path`. Thread-safe (no shared state).
Expected<Pcm> decodeFile(const std::filesystem::path& path);

}  // namespace axis::audio
