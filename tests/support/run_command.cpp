#include "support/run_command.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include <catch2/catch.hpp>

namespace axis::test {

CommandResult runShell(const std::string& command, StandardError standardError, int timeoutSeconds) {
    const std::string redirect = standardError == StandardError::Merged ? " 2>&1" : " 2>/dev/null";
    const std::string line = "timeout " + std::to_string(timeoutSeconds) + " " + command + redirect;
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE(pipe);
    CommandResult r;
    std::array<char, 65536> buffer;
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    // A shell reports a signal as 128 + n; timeout(1) exits 124 on a hang.
    r.crashed = !WIFEXITED(status) || r.exitCode >= 124;
    return r;
}

}  // namespace axis::test
