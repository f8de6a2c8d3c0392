#pragma once
// Helpers of the hostile-input tests: import a file in an isolated child and judge the outcome.
#include <filesystem>
#include <string>

#include "asset/import.h"
#include "isolated.h"

namespace axis::test {

/// The contract for any input: within the limits, importModel returns a Model or an Error whose
/// message starts with the file's path and is not an out-of-memory report (a hostile count must
/// be caught by a sanity check, not by the allocator). Adds Catch2 checks; `label` says which
/// corruption this is. Returns true when a Model came back.
bool checkImportContract(const std::filesystem::path& file, const std::string& label, bool loadTextures = true,
                         const IsolationLimits& limits = {});

/// Limits for one import: 4 GiB, and 30 s (90 s under AddressSanitizer).
IsolationLimits importLimits();

/// Writes bytes to a file (creating folders).
void writeBytes(const std::filesystem::path& path, const std::string& bytes);
std::string readBytes(const std::filesystem::path& path);

}  // namespace axis::test
