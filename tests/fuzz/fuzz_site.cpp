// loadSite on arbitrary bytes, then the round trip through toJson: a Site (perhaps with
// problems) or an Error, never a crash; whatever loads must save and load again.
#include "fuzz_util.h"
#include "scene/site.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = axis::fuzz::writeInput("input.site.json", data, size);
    auto site = axis::loadSite(path);
    if (!site) return 0;
    (void)site->placementBounds();
    for (const auto& m : site->models) (void)m.transform();
    const std::string text = axis::toJson(*site);
    const auto again = axis::fuzz::writeInput("again.site.json", reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!axis::loadSite(again)) __builtin_trap();  // What we write, we must read.
    return 0;
}
