// Media import beside the POI file, and refusal of paths that lead outside its folder.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "poi/media.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("importMedia copies into media/ under a unique name", "[poi][media]") {
    const fs::path dir = test::scratchDir("poi_media_import");
    fs::create_directories(dir / "site" / "src");
    test::writeText(dir / "src.JPG", "jpeg bytes");
    test::writeText(dir / "notes.txt", "text");
    PoiFile file;
    CHECK_FALSE(importMedia(file, dir / "src.JPG").ok());  // not saved yet: no folder to copy into
    file.file = dir / "site" / "a.pois.json";

    auto first = importMedia(file, dir / "src.JPG");
    REQUIRE(first.ok());
    CHECK(*first == "media/src.jpg");
    auto second = importMedia(file, dir / "src.JPG");
    REQUIRE(second.ok());
    CHECK(*second == "media/src-2.jpg");
    CHECK(readTextFile(dir / "site" / "media" / "src-2.jpg").value() == "jpeg bytes");
    CHECK_FALSE(fs::exists(dir / "site" / "media" / "src-2.jpg.tmp"));
    auto resolved = resolveMediaSafely(file, *second);
    REQUIRE(resolved.ok());
    CHECK(*resolved == fs::weakly_canonical(dir / "site" / "media" / "src-2.jpg"));

    auto text = importMedia(file, dir / "notes.txt");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message.find("not a supported image") != std::string::npos);
    auto missing = importMedia(file, dir / "gone.png");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("gone.png: cannot open") != std::string::npos);
    CHECK_FALSE(importMedia(file, dir / "site" / "src.png").ok());  // a directory named like an image
}

TEST_CASE("resolveMediaSafely refuses paths that escape the POI folder", "[poi][media]") {
    const fs::path dir = test::scratchDir("poi_media_escape");
    fs::create_directories(dir / "site" / "media");
    test::writeText(dir / "secret.png", "outside");
    test::writeText(dir / "site" / "media" / "ok.png", "inside");
    fs::create_symlink(dir / "secret.png", dir / "site" / "media" / "link.png");
    fs::create_directory_symlink(dir, dir / "site" / "media" / "up");
    fs::create_symlink("ok.png", dir / "site" / "media" / "alias.png");  // inside: allowed
    PoiFile file;
    file.file = dir / "site" / "a.pois.json";

    for (const char* bad : {"../x.png", "media/../../x.png", "/etc/passwd", "media/link.png", "media/up/secret.png",
                            "", "..", "media/up/site/../secret.png"}) {
        INFO(bad);
        auto r = resolveMediaSafely(file, bad);
        CHECK_FALSE(r.ok());
    }
    CHECK(resolveMediaSafely(file, "/etc/passwd").error().message.find("is absolute") != std::string::npos);
    CHECK(resolveMediaSafely(file, "media/link.png").error().message.find("link that leads outside") != std::string::npos);
    for (const char* good : {"media/ok.png", "media/./ok.png", "media/sub/../ok.png", "media/alias.png", "media/new.png"}) {
        INFO(good);
        CHECK(resolveMediaSafely(file, good).ok());
    }
}
