#include "support/xvfb.h"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_support.h"

extern char** environ;

namespace axis::test {

namespace {

// The process id an X server wrote into its lock file (/tmp/.XN-lock), or -1.
pid_t lockOwner(const std::string& lock) {
    std::ifstream in(lock);
    long pid = -1;
    in >> pid;
    return in ? pid_t(pid) : pid_t(-1);
}

}  // namespace

VirtualDisplay::VirtualDisplay(const std::string& screen) {
    if (const char* d = std::getenv("DISPLAY"); d && *d) {
        display_ = d;
        return;
    }
    if (std::system("command -v Xvfb >/dev/null 2>&1") != 0) skip("no DISPLAY and no Xvfb");
    for (int n = 90 + int(getpid() % 100); n < 400; ++n) {
        std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
        std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
        if (std::filesystem::exists(socket) || std::filesystem::exists(lock)) continue;
        display_ = ":" + std::to_string(n);
        const char* argv[] = {"Xvfb", display_.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", nullptr};
        if (posix_spawnp(&server_, "Xvfb", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) break;
        for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        // Two test processes may pick the same free number at once: the second server then
        // fails on the lock while the first one's socket appears. The display is ours only when
        // its lock names our server; else another test owns it and would take it away on exit.
        if (std::filesystem::exists(socket) && lockOwner(lock) == server_) return;
        kill(server_, SIGTERM);
        waitpid(server_, nullptr, 0);
        server_ = -1;
    }
    skip("could not start Xvfb");
}

VirtualDisplay::~VirtualDisplay() {
    if (server_ > 0) {
        kill(server_, SIGTERM);
        waitpid(server_, nullptr, 0);
    }
}

}  // namespace axis::test
