// Kill during save: a child process saves a POI, site or camera-path file in a loop and is
// SIGKILLed at random moments, 200 times per kind; the file on disk must always load and hold
// either the old or the new version.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <random>
#include <thread>

#include "save_versions.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// Starts the saver and returns once it has begun saving (it writes a byte to its stdout).
pid_t spawnSaver(const std::string& kind, const fs::path& file) {
    int ready[2];
    if (::pipe(ready) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(ready[1], 1);
        ::close(ready[0]);
        ::execl(AXIS_SAVE_CHILD, AXIS_SAVE_CHILD, kind.c_str(), file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(ready[1]);
    char byte = 0;
    while (::read(ready[0], &byte, 1) < 0 && errno == EINTR) {}
    ::close(ready[0]);
    return pid;
}

// How long one save takes here, so that the kills spread over a few saves on any machine.
std::chrono::microseconds saveDuration(const test::SaveSubject& subject, const fs::path& file) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) REQUIRE(subject.save(i % 2, file).ok());
    const auto each = (std::chrono::steady_clock::now() - start) / 5;
    return std::max(std::chrono::duration_cast<std::chrono::microseconds>(each), std::chrono::microseconds(50));
}

void killDuringSaves(const std::string& kind) {
    const test::SaveSubject& subject = test::saveSubject(kind);
    REQUIRE(subject.kind == kind);
    const fs::path dir = test::scratchDir("kill_" + kind);
    const fs::path file = dir / subject.fileName;
    const fs::path temporary = dir / (subject.fileName + ".tmp");
    subject.prepare(dir);
    const auto window = 3 * saveDuration(subject, file);
    REQUIRE(subject.save(0, file).ok());
    std::mt19937 rng(1234);
    int seen[2] = {0, 0}, midSave = 0;
    for (int round = 0; round < 200; ++round) {
        const pid_t pid = spawnSaver(kind, file);
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % window.count()));
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFSIGNALED(status));  // it was still saving, not failed
        if (fs::exists(temporary)) ++midSave;  // killed between create and rename
        auto version = subject.identify(file);
        INFO(kind << " round " << round << ": " << (version ? "" : version.error().message));
        REQUIRE(version.ok());
        ++seen[*version];
    }
    std::fprintf(stderr, "%s: 200 kills: old version %d, new version %d, temporary file left %d\n", kind.c_str(), seen[0],
                 seen[1], midSave);
    CHECK(seen[0] > 0);
    CHECK(seen[1] > 0);
    CHECK(midSave > 0);  // the kills really did land inside saves
}

}  // namespace

TEST_CASE("A POI save killed at any moment leaves the old or the new file", "[kill]") { killDuringSaves("poi"); }
TEST_CASE("A site save killed at any moment leaves the old or the new file", "[kill]") { killDuringSaves("site"); }
TEST_CASE("A camera-path save killed at any moment leaves the old or the new file", "[kill]") { killDuringSaves("path"); }
