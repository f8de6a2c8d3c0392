#include "isolated.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <new>
#include <thread>

#if defined(__SANITIZE_ADDRESS__)
#define AXIS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AXIS_UNDER_ASAN 1
#endif
#endif

namespace axis::test {
namespace {

std::uint64_t residentBytes(pid_t pid) {
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    std::uint64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * std::uint64_t(::sysconf(_SC_PAGESIZE));
}

[[noreturn]] void childMain(int fd, const std::function<std::string()>& work, const IsolationLimits& limits) {
#ifndef AXIS_UNDER_ASAN
    rlimit cap{limits.memoryBytes, limits.memoryBytes};
    ::setrlimit(RLIMIT_AS, &cap);
#else
    (void)limits;
#endif
    std::string report;
    try {
        report = work();
    } catch (const std::bad_alloc&) {
        report = "uncaught std::bad_alloc";
    } catch (const std::exception& e) {
        report = std::string("uncaught exception: ") + e.what();
    }
    for (std::size_t done = 0; done < report.size();) {
        const ssize_t n = ::write(fd, report.data() + done, report.size() - done);
        if (n <= 0) break;
        done += std::size_t(n);
    }
    ::close(fd);
    std::fflush(nullptr);
    ::_exit(0);  // No static destructors, no leak check of the forked heap: the parent judges.
}

/// Reads what is in the (non-blocking) pipe now; false once the writer has closed it.
bool drainPipe(int fd, std::string& into) {
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) into.append(buffer, std::size_t(n));
        if (n == 0) return false;
        if (n < 0) return true;
    }
}

}  // namespace

bool underAddressSanitizer() {
#ifdef AXIS_UNDER_ASAN
    return true;
#else
    return false;
#endif
}

IsolatedOutcome runIsolated(const std::function<std::string()>& work, const IsolationLimits& limits) {
    int fds[2];
    if (::pipe(fds) != 0) return {IsolatedOutcome::Crashed, "", "pipe failed"};
    std::fflush(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) return {IsolatedOutcome::Crashed, "", "fork failed"};
    if (pid == 0) {
        ::close(fds[0]);
        childMain(fds[1], work, limits);
    }
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    IsolatedOutcome out;
    bool pipeOpen = true;
    int status = 0;
    for (;;) {
        if (pipeOpen) {
            pollfd p{fds[0], POLLIN, 0};
            ::poll(&p, 1, 5);
            pipeOpen = drainPipe(fds[0], out.report);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (done == pid) {
            // The child can write its report and exit between our read and waitpid: what it
            // wrote is still in the pipe, so read the rest before judging.
            if (pipeOpen) drainPipe(fds[0], out.report);
            break;
        }
        const std::uint64_t rss = residentBytes(pid);
        out.peakRssBytes = std::max(out.peakRssBytes, rss);
        const bool overTime = out.seconds * 1000 > double(limits.time.count());
        const bool overMemory = rss > limits.memoryBytes;
        if (overTime || overMemory) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ::close(fds[0]);
            out.kind = overTime ? IsolatedOutcome::OutOfTime : IsolatedOutcome::OutOfMemory;
            out.description = overTime ? "killed after " + std::to_string(limits.time.count()) + " ms"
                                       : "killed at " + std::to_string(rss >> 20) + " MiB resident";
            return out;
        }
    }
    ::close(fds[0]);
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);  // Max over all children so far: an upper bound.
    if (WIFSIGNALED(status)) {
        out.kind = IsolatedOutcome::Crashed;
        out.description = "child died of signal " + std::to_string(WTERMSIG(status));
    } else if (WEXITSTATUS(status) != 0) {
        out.kind = IsolatedOutcome::Crashed;
        out.description = "child exited with " + std::to_string(WEXITSTATUS(status)) + " (sanitizer report above?)";
    } else {
        out.description = "finished in " + std::to_string(out.seconds) + " s, peak " + std::to_string(out.peakRssBytes >> 20) + " MiB";
    }
    return out;
}

}  // namespace axis::test
