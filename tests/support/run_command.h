#pragma once
// Runs a command line through the shell, as the CLI and app suites drive the axisview executable.
#include <string>

namespace axis::test {

struct CommandResult {
    int exitCode = -1;
    bool crashed = false;  ///< Killed by a signal, or by timeout(1) (exit 124 or more).
    std::string output;    ///< Standard output, and standard error unless discarded.
};

enum class StandardError { Merged, Discarded };

/// `command` under timeout(1): the limit guards against hangs only (generous; never a measurement).
CommandResult runShell(const std::string& command, StandardError standardError = StandardError::Merged,
                       int timeoutSeconds = 300);

}  // namespace axis::test
