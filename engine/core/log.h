#pragma once
// Logging to stderr. Tests and the UI may install a sink to capture messages (e.g. to assert
// that a missing texture produced a warning naming the file). Thread-safe.
#include <functional>
#include <string_view>

namespace axis {

enum class LogLevel { Debug, Info, Warn, Error };

void logMessage(LogLevel level, std::string_view message);
inline void logDebug(std::string_view m) { logMessage(LogLevel::Debug, m); }
inline void logInfo(std::string_view m) { logMessage(LogLevel::Info, m); }
inline void logWarn(std::string_view m) { logMessage(LogLevel::Warn, m); }
inline void logError(std::string_view m) { logMessage(LogLevel::Error, m); }

/// Messages below this level are dropped. Default Info; AXIS_LOG=debug|info|warn|error overrides.
void setLogLevel(LogLevel level);

/// Replaces the stderr writer; pass an empty function to restore it. Returns the previous sink.
using LogSink = std::function<void(LogLevel, std::string_view)>;
LogSink setLogSink(LogSink sink);

}  // namespace axis
