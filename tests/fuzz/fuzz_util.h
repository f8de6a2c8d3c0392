#pragma once
// Shared by the libFuzzer targets: the readers take paths, so each input is written to a file in
// a private temporary folder first; logging is silenced so the fuzzer's output stays readable.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/log.h"

namespace axis::fuzz {

/// A per-process scratch folder (under $TMPDIR), removed at exit.
inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        auto d = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") / ("axis-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] { std::error_code ec; std::filesystem::remove_all(scratchFolder(), ec); });
        setLogSink([](LogLevel, std::string_view) {});
        return d;
    }();
    return dir;
}

/// Writes the fuzzer's bytes to scratchFolder()/name and returns that path.
inline std::filesystem::path writeInput(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const auto path = scratchFolder() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), std::streamsize(size));
    return path;
}

}  // namespace axis::fuzz
