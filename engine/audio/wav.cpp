#include "audio/wav.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/file_io.h"

namespace axis::audio {
namespace {

void put(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(std::uint8_t(value >> (8 * i)));  // Little-endian.
}

void putTag(std::vector<std::uint8_t>& out, const char* tag) { out.insert(out.end(), tag, tag + 4); }

}  // namespace

std::vector<std::uint8_t> wavBytes(const Pcm& pcm, WavFormat format) {
    const std::uint32_t bytesPerSample = format == WavFormat::Pcm16 ? 2 : 4;
    const std::uint32_t dataBytes = std::uint32_t(pcm.samples.size()) * bytesPerSample;
    std::vector<std::uint8_t> out;
    out.reserve(44 + dataBytes);
    putTag(out, "RIFF");
    put(out, 36 + dataBytes, 4);
    putTag(out, "WAVE");
    putTag(out, "fmt ");
    put(out, 16, 4);
    put(out, format == WavFormat::Pcm16 ? 1 : 3, 2);  // WAVE_FORMAT_PCM, WAVE_FORMAT_IEEE_FLOAT
    put(out, kChannels, 2);
    put(out, kSampleRate, 4);
    put(out, kSampleRate * kChannels * bytesPerSample, 4);
    put(out, kChannels * bytesPerSample, 2);
    put(out, bytesPerSample * 8, 2);
    putTag(out, "data");
    put(out, dataBytes, 4);
    for (float s : pcm.samples) {
        if (format == WavFormat::Pcm16) {
            const long v = std::lround(std::clamp(double(s), -1.0, 1.0) * 32767.0);
            put(out, std::uint32_t(std::uint16_t(std::int16_t(v))), 2);
        } else {
            std::uint32_t bits;
            std::memcpy(&bits, &s, 4);
            put(out, bits, 4);
        }
    }
    return out;
}

Status writeWav(const std::filesystem::path& path, const Pcm& pcm, WavFormat format) {
    const std::vector<std::uint8_t> bytes = wavBytes(pcm, format);
    return saveFileAtomic(path, bytes, /*keepBackup=*/false);
}

}  // namespace axis::audio
