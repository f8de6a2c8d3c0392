#include "support/test_support.h"

#include <cstdio>

namespace axis::test {
namespace fs = std::filesystem;

void skip(const std::string& why) {
    std::fprintf(stdout, "SKIPPED: %s\n", why.c_str());
    std::fflush(stdout);
    std::_Exit(kSkipExitCode);
}

fs::path sharedDataDir() {
    if (const char* env = std::getenv("AXIS_DATA_DIR")) return fs::exists(env) ? fs::path(env) : fs::path();
    fs::path dir = fs::path(AXIS_SOURCE_DIR) / ".." / "shared" / "data";
    return fs::exists(dir) ? fs::weakly_canonical(dir) : fs::path();
}

fs::path sharedDataFile(const std::string& relative) {
    fs::path dir = sharedDataDir();
    if (dir.empty()) skip("../shared/data is absent");
    fs::path file = dir / relative;
    if (!fs::exists(file)) skip(file.string() + " is absent");
    return file;
}

fs::path scratchDir(const std::string& name) {
    fs::path dir = fs::path(AXIS_BINARY_DIR) / "test-scratch" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

fs::path sourceDir() { return AXIS_SOURCE_DIR; }

}  // namespace axis::test
