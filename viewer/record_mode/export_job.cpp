#include "viewer/record_mode/export_job.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace axis::viewer {
namespace {

constexpr std::size_t kMaxLines = 200;  ///< The panel shows the tail; older lines are dropped.

}  // namespace

ExportJob::~ExportJob() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);  // Our own child, by id: the recorder removes its .part file on exit.
        ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
}

bool ExportJob::start(const std::vector<std::string>& args) {
    // The panel words the failure in the reader's language; the reason is the system's.
    startError_.clear();
    if (running()) return false;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        startError_ = std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    std::vector<std::string> argv0 = {"axisview"};
    argv0.insert(argv0.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv0) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int e = ::posix_spawn(&pid_, "/proc/self/exe", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (e != 0) {
        pid_ = -1;
        ::close(fds[0]);
        startError_ = std::strerror(e);
        return false;
    }
    if (fd_ >= 0) ::close(fd_);
    fd_ = fds[0];
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    lines_.clear();
    partial_.clear();
    exitCode_ = -1;
    finished_ = false;
    return true;
}

// The recorder ends progress lines with '\n' (or '\r' on a terminal); either ends a line here.
void ExportJob::addText(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] != '\n' && data[i] != '\r') {
            partial_ += data[i];
            continue;
        }
        if (!partial_.empty()) lines_.push_back(std::move(partial_));
        partial_.clear();
    }
    if (lines_.size() > kMaxLines) lines_.erase(lines_.begin(), lines_.end() - kMaxLines);
}

void ExportJob::poll() {
    if (fd_ >= 0) {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fd_, buffer, sizeof buffer);
            if (n > 0) addText(buffer, std::size_t(n));
            else break;  // 0: the child closed it; -1: nothing more for now (EAGAIN).
        }
    }
    if (pid_ <= 0) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return;
    pid_ = -1;
    finished_ = true;
    exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (!partial_.empty()) lines_.push_back(std::move(partial_));
    partial_.clear();
}

}  // namespace axis::viewer
