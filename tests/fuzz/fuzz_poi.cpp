// loadPois on arbitrary bytes, then the round trip through toJson and the reference check.
#include "fuzz_util.h"
#include "poi/poi.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = axis::fuzz::writeInput("input.pois.json", data, size);
    auto pois = axis::loadPois(path);
    if (!pois) return 0;
    (void)axis::checkReferences(axis::Site{}, *pois);
    const std::string text = axis::toJson(*pois);
    const auto again = axis::fuzz::writeInput("again.pois.json", reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!axis::loadPois(again)) __builtin_trap();  // What we write, we must read.
    return 0;
}
