#pragma once
// A Draco stream's declared point and face counts, checked before libdraco sees them: the decoder
// sizes its tables from them, so a stream that lies ("a billion points" in a hundred bytes) would
// make it allocate gigabytes. Streams whose layout this does not know (metadata, unknown versions)
// are let through unchecked.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace axis {

/// What is wrong with the counts the header of `stream` declares, or nothing.
std::optional<std::string> implausibleDracoCounts(std::span<const std::uint8_t> stream);

}  // namespace axis
