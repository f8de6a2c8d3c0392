#pragma once
// Shared helpers for the test suite.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace axis::test {

/// ctest treats this exit code as "skipped" (see tests/CMakeLists.txt).
constexpr int kSkipExitCode = 77;

/// Ends the test process as skipped, printing why. Used when no Vulkan device exists or the
/// shared scan folder is absent: such a case must report skipped, never passed.
[[noreturn]] void skip(const std::string& why);

/// ../shared/data beside the checkout (or $AXIS_DATA_DIR); empty path when absent.
std::filesystem::path sharedDataDir();

/// sharedDataDir()/relative, or skip() when the folder or file is absent.
std::filesystem::path sharedDataFile(const std::string& relative);

/// A fresh, empty scratch folder under the build tree for one test.
std::filesystem::path scratchDir(const std::string& name);

std::filesystem::path sourceDir();

}  // namespace axis::test
