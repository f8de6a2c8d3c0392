// Kill during save: a child process saves a POI file in a loop and is SIGKILLed at random
// moments; the file on disk must always load and hold either the old or the new version.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <thread>

#include "poi/poi.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// Starts the saver and returns once it has begun saving (it writes a byte to its stdout).
pid_t spawnSaver(const fs::path& file) {
    int ready[2];
    if (::pipe(ready) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(ready[1], 1);
        ::close(ready[0]);
        ::execl(AXIS_POI_SAVE_CHILD, AXIS_POI_SAVE_CHILD, file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(ready[1]);
    char byte = 0;
    while (::read(ready[0], &byte, 1) < 0 && errno == EINTR) {}
    ::close(ready[0]);
    return pid;
}

// How long one save takes here, so that the kills spread over a few saves on any machine.
std::chrono::microseconds saveDuration(const fs::path& file) {
    const PoiFile f = test::sampleFile(150, 0);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) REQUIRE(savePois(f, file).ok());
    const auto each = (std::chrono::steady_clock::now() - start) / 5;
    return std::max(std::chrono::duration_cast<std::chrono::microseconds>(each), std::chrono::microseconds(50));
}

}  // namespace

TEST_CASE("A save killed at any moment leaves the old or the new file", "[poi][kill]") {
    const fs::path dir = test::scratchDir("poi_kill");
    const fs::path file = dir / "a.pois.json";
    const auto v0 = test::sampleFile(150, 0).pois;
    const auto v1 = test::sampleFile(150, 1).pois;
    const auto window = 3 * saveDuration(file);
    REQUIRE(savePois(test::sampleFile(150, 0), file).ok());
    std::mt19937 rng(1234);
    int sawV0 = 0, sawV1 = 0, midSave = 0;
    for (int round = 0; round < 200; ++round) {
        const pid_t pid = spawnSaver(file);
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % window.count()));
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFSIGNALED(status));  // it was still saving, not failed
        if (fs::exists(dir / "a.pois.json.tmp")) ++midSave;  // killed between create and rename
        auto loaded = loadPois(file);
        INFO("round " << round);
        REQUIRE(loaded.ok());
        REQUIRE(loaded->problems.empty());
        const bool isV0 = loaded->pois == v0, isV1 = loaded->pois == v1;
        REQUIRE((isV0 || isV1));
        (isV0 ? sawV0 : sawV1)++;
    }
    CHECK(sawV0 > 0);
    CHECK(sawV1 > 0);
    CHECK(midSave > 0);  // the kills really did land inside saves
}
