// parsePathFile on arbitrary text, then makeCameraPath and a few samples along the path: the
// spline and orientation code must survive whatever keyframes the validator lets through.
#include <cmath>

#include "fuzz_util.h"
#include "record/path_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)axis::fuzz::scratchFolder();  // Silences logging.
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto file = axis::record::parsePathFile(text, "input.path.json");
    if (!file) return 0;
    (void)axis::record::toJson(*file);
    auto path = axis::record::makeCameraPath(*file);
    if (!path) return 0;
    const double start = path->startTime(), end = path->endTime();
    for (int i = -1; i <= 17; ++i) (void)path->evaluate(start + (end - start) * i / 16.0);
    return 0;
}
