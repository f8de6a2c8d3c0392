#pragma once
// Helpers shared by the engine/asset tests.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/log.h"

namespace axis::test {

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

/// Appends the little- or big-endian bytes of `value` to `out` (for binary PLY and GLB files).
template <class T>
void appendBytes(std::string& out, T value, bool bigEndian = false) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if (bigEndian) std::reverse(bytes, bytes + sizeof(T));
    out.append(bytes, sizeof(T));
}

/// Captures warnings while alive (and keeps the test output quiet).
class CapturedWarnings {
public:
    CapturedWarnings() {
        previous_ = setLogSink([this](LogLevel level, std::string_view message) {
            if (level >= LogLevel::Warn) warnings.emplace_back(message);
        });
    }
    ~CapturedWarnings() { setLogSink(previous_); }
    std::size_t countContaining(const std::string& text) const {
        std::size_t n = 0;
        for (const auto& w : warnings) n += w.find(text) != std::string::npos;
        return n;
    }
    std::vector<std::string> warnings;

private:
    LogSink previous_;
};

}  // namespace axis::test
