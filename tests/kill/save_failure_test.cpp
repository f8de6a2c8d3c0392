// A save that cannot complete (the disk fills up, the folder cannot take the file) reports the
// file and leaves the old version on disk, for every kind of document people edit.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "save_versions.h"
#include "support/file_size_limit.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("A failed save of any document reports the file and keeps the old version", "[kill][save]") {
    for (const char* kind : {"poi", "site", "path"}) {
        INFO(kind);
        const test::SaveSubject& subject = test::saveSubject(kind);
        const fs::path dir = test::scratchDir(std::string("save_failure_") + kind);
        const fs::path file = dir / subject.fileName;
        subject.prepare(dir);
        REQUIRE(subject.save(0, file).ok());
        const std::string before = readTextFile(file).value();
        {
            test::FileSizeLimit diskFull(1024);  // both versions are far larger
            auto saved = subject.save(1, file);
            REQUIRE_FALSE(saved.ok());
            CHECK_THAT(saved.error().message, Catch::Contains(subject.fileName + ".tmp: write failed"));
        }
        fs::create_directory(dir / (subject.fileName + ".tmp"));  // in the way, like a read-only folder
        auto blocked = subject.save(1, file);
        REQUIRE_FALSE(blocked.ok());
        CHECK_THAT(blocked.error().message, Catch::Contains(subject.fileName + ".tmp: cannot create"));
        fs::remove(dir / (subject.fileName + ".tmp"));
        CHECK(readTextFile(file).value() == before);
        CHECK(subject.identify(file).value() == 0);
        REQUIRE(subject.save(1, file).ok());  // once the disk is fine again, the save goes through
        CHECK(subject.identify(file).value() == 1);
    }
}
