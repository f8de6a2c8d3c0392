// fromWebAnnotation (W3C Web Annotation JSON-LD import, engine/poi/web_annotation.h) on arbitrary
// text; whatever imports must export again and re-import.
#include "fuzz_util.h"
#include "poi/web_annotation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)axis::fuzz::scratchFolder();  // Silences logging.
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto pois = axis::fromWebAnnotation(text, "input.jsonld");
    if (!pois) return 0;
    const std::string again = axis::toWebAnnotation(*pois);
    if (!axis::fromWebAnnotation(again, "again.jsonld")) __builtin_trap();  // What we write, we must read.
    return 0;
}
