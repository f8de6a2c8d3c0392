// importModel on arbitrary bytes saved as input.AXIS_FUZZ_EXT (one binary per extension: ply,
// obj, gltf, glb, stl, off, dae, las, and the 3D Tiles b3dm, pnts, cmpt). The contract under
// test (asset/import.h): a Model or an Error, never a crash, a sanitizer report, a hang or a
// runaway allocation.
#include "asset/import.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = axis::fuzz::writeInput("input." AXIS_FUZZ_EXT, data, size);
    auto model = axis::importModel(path);
    if (model) {
        (void)axis::describeModel(*model);
    } else if (model.error().message.empty()) {
        __builtin_trap();  // An error must say something.
    }
    return 0;
}
