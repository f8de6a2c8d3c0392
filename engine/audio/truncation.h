#pragma once
// Whether a sound file was cut short (a partial copy or download), for the containers whose
// demuxer cannot tell: FFmpeg estimates a WAV's length from the file's size and an Ogg's from
// its last page, so a cut file simply looks shorter. Private to decode.cpp.
#include <filesystem>
#include <optional>
#include <string>

namespace axis::audio {

/// A one-line problem ("truncated: ...") when `path`, read by the demuxer named `demuxer`
/// ("wav", "ogg"), ends before its own structure says it should; nullopt otherwise or for other
/// containers.
std::optional<std::string> truncationProblem(const std::filesystem::path& path, const std::string& demuxer);

}  // namespace axis::audio
