#include "hostile_util.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

namespace axis::test {

IsolationLimits importLimits() {
    IsolationLimits limits;
    // A hang guard, not a measure: a loaded CI machine took 31 s over a 16K-claiming JPEG that
    // takes 26 s alone, and 30 s failed it. Memory is what these tests bound.
    limits.time = std::chrono::milliseconds(underAddressSanitizer() ? 600000 : 300000);
    return limits;
}

bool checkImportContract(const std::filesystem::path& file, const std::string& label, bool loadTextures,
                         const IsolationLimits& limits) {
    const IsolatedOutcome outcome = runIsolated(
        [&] {
            ImportOptions options;
            options.loadTextures = loadTextures;
            auto model = importModel(file, options);
            return model ? "M" + std::to_string(model->vertexCount()) : "E" + model.error().message;
        },
        limits);
    INFO(label << " (" << file.filename().string() << "): " << outcome.description << "; " << outcome.report);
    REQUIRE(outcome.kind == IsolatedOutcome::Finished);
    REQUIRE(!outcome.report.empty());
    if (outcome.report[0] == 'M') return true;
    const std::string message = outcome.report.substr(1);
    CHECK(message.rfind(file.string(), 0) == 0);  // Names the file...
    CHECK(message.size() > file.string().size() + 2);  // ...and says something about it.
    CHECK(message.find("out of memory") == std::string::npos);
    CHECK(message.find("uncaught") == std::string::npos);
    return false;
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace axis::test
