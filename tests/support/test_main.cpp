// Catch2's main, with the environment every test runs in. Set here rather than through ctest's
// ENVIRONMENT property, which catch_discover_tests cuts at the first ';' (so only the first
// variable ever arrived), and so that running a test binary by hand behaves the same.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
    ::setenv("AXIS_VALIDATION", "1", 1);   // Any validation message fails a test.
    ::setenv("VK_LOADER_DEBUG", "none", 1);
    // Bake caches of the tests (and of the axisview processes app tests start) stay in the build
    // folder, never in the user's ~/.cache.
    ::setenv("AXIS_CACHE_DIR", AXIS_BINARY_DIR "/test-cache", 1);
    return Catch::Session().run(argc, argv);
}
