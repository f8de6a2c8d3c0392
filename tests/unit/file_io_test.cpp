#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("readFile names the file when it is missing or a folder", "[core]") {
    fs::path dir = test::scratchDir("read_missing");
    auto missing = readFile(dir / "nope.bin");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("nope.bin") != std::string::npos);
    auto folder = readFile(dir);
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message.find("not a regular file") != std::string::npos);
}

TEST_CASE("saveFileAtomic replaces the file and keeps the previous one as .bak", "[core]") {
    fs::path dir = test::scratchDir("atomic_save");
    fs::path file = dir / "site.json";
    REQUIRE(saveFileAtomic(file, std::string("first")).ok());
    REQUIRE(saveFileAtomic(file, std::string("second")).ok());
    CHECK(*readTextFile(file) == "second");
    CHECK(*readTextFile(dir / "site.json.bak") == "first");
    CHECK_FALSE(fs::exists(dir / "site.json.tmp"));
}

TEST_CASE("saveFileAtomic into a missing folder fails and names the path", "[core]") {
    fs::path dir = test::scratchDir("atomic_fail");
    auto status = saveFileAtomic(dir / "no" / "such" / "dir" / "a.json", std::string("x"));
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().message.find("a.json") != std::string::npos);
}

TEST_CASE("MappedFile maps the bytes that were written", "[core]") {
    fs::path dir = test::scratchDir("mapped");
    REQUIRE(saveFileAtomic(dir / "m.bin", std::string("hello mmap")).ok());
    auto mapped = MappedFile::open(dir / "m.bin");
    REQUIRE(mapped.ok());
    auto bytes = mapped->bytes();
    REQUIRE(bytes.size() == 10);
    CHECK(std::string(bytes.begin(), bytes.end()) == "hello mmap");
}
