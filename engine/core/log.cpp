#include "core/log.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace axis {
namespace {

std::mutex gMutex;
LogSink gSink;

LogLevel levelFromEnvironment() {
    const char* v = std::getenv("AXIS_LOG");
    if (!v) return LogLevel::Info;
    if (!std::strcmp(v, "debug")) return LogLevel::Debug;
    if (!std::strcmp(v, "warn")) return LogLevel::Warn;
    if (!std::strcmp(v, "error")) return LogLevel::Error;
    return LogLevel::Info;
}

LogLevel gLevel = levelFromEnvironment();

const char* prefix(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return "debug: ";
        case LogLevel::Info: return "";
        case LogLevel::Warn: return "warning: ";
        case LogLevel::Error: return "error: ";
    }
    return "";
}

}  // namespace

void logMessage(LogLevel level, std::string_view message) {
    std::lock_guard lock(gMutex);
    if (level < gLevel) return;
    if (gSink) {
        gSink(level, message);
        return;
    }
    std::string line = std::string(prefix(level)) + std::string(message) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

void setLogLevel(LogLevel level) {
    std::lock_guard lock(gMutex);
    gLevel = level;
}

LogSink setLogSink(LogSink sink) {
    std::lock_guard lock(gMutex);
    std::swap(sink, gSink);
    return sink;
}

}  // namespace axis
