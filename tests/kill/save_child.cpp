// Test helper for kill_test.cpp: saves two versions of one kind of document alternately, forever,
// until the test SIGKILLs it. Writes one byte to stdout when it starts saving, so that the test's
// random delay is measured from there and not from a (sanitizer-slowed) process start.
// Usage: save_child poi|site|path FILE
#include <unistd.h>

#include <cstdio>

#include "save_versions.h"

int main(int argc, char** argv) {
    const axis::test::SaveSubject& subject = axis::test::saveSubject(argc == 3 ? argv[1] : "");
    if (subject.kind.empty()) {
        std::fprintf(stderr, "usage: save_child poi|site|path FILE\n");
        return 2;
    }
    if (::write(1, "r", 1) != 1) return 1;
    for (unsigned n = 1;; ++n) {
        auto saved = subject.save(int(n % 2), argv[2]);
        if (!saved.ok()) {
            std::fprintf(stderr, "%s\n", saved.error().message.c_str());
            return 1;
        }
    }
}
