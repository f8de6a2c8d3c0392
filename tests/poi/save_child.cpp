// Test helper for kill_test.cpp: saves two versions of a POI file alternately, forever, until
// the test SIGKILLs it. Writes one byte to stdout when it starts saving, so that the test's
// random delay is measured from there and not from a (sanitizer-slowed) process start.
// Usage: poi_save_child FILE
#include <unistd.h>

#include <cstdio>

#include "poi_fixtures.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: poi_save_child FILE\n");
        return 2;
    }
    const axis::PoiFile versions[2] = {axis::test::sampleFile(150, 0), axis::test::sampleFile(150, 1)};
    if (::write(1, "r", 1) != 1) return 1;
    for (unsigned n = 1;; ++n) {
        auto saved = axis::savePois(versions[n % 2], argv[1]);
        if (!saved.ok()) {
            std::fprintf(stderr, "%s\n", saved.error().message.c_str());
            return 1;
        }
    }
}
