#pragma once
// A background `axisview record` run started from record mode: the viewer spawns itself
// (/proc/self/exe) as a child process, so a long export neither blocks the window nor shares its
// GPU queue, and a crash in the encoder cannot take the viewer down. Output lines (progress,
// errors) are collected for the panel.
#include <string>
#include <vector>

#include <sys/types.h>

namespace axis::viewer {

class ExportJob {
public:
    ExportJob() = default;
    /// Stops a running child (SIGTERM) and reaps it.
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    /// Starts `/proc/self/exe ARGS...` with stdout and stderr captured. False when one is already
    /// running (running() says so) or it cannot start (startError() says why).
    bool start(const std::vector<std::string>& args);
    /// The system's reason the last start failed ("Too many open files"); empty after a start.
    const std::string& startError() const { return startError_; }
    /// Reads what the child wrote and notices when it exits; call once a frame. Never blocks.
    void poll();

    bool running() const { return pid_ > 0; }
    /// The child's exit code once it finished; -1 before, or when it died by a signal.
    int exitCode() const { return exitCode_; }
    bool finished() const { return finished_; }
    const std::vector<std::string>& lines() const { return lines_; }

private:
    void addText(const char* data, std::size_t size);

    pid_t pid_ = -1;
    int fd_ = -1;  ///< Read end of the child's stdout/stderr pipe, non-blocking.
    std::string partial_;
    std::vector<std::string> lines_;
    std::string startError_;
    int exitCode_ = -1;
    bool finished_ = false;
};

}  // namespace axis::viewer
