// openCacheFile on arbitrary bytes, then toModel on whatever opens. A cache is checksummed, so
// plain byte mutations almost never get past the header; the custom mutator below therefore
// re-seals half of its mutants (file size, section checksums, header checksum recomputed) so
// that the meta decoder and the table cross-checks behind the checksums are fuzzed too: a
// checksum is no signature, and a crafted cache must still be rejected, never trusted.
#include <cstring>

#include "asset/bake_cache.h"
#include "asset/bake_format.h"
#include "asset/hash64.h"
#include "fuzz_util.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {

void reseal(std::uint8_t* data, std::size_t size) {
    using namespace axis::bakefile;
    if (size < sizeof(Header) || std::memcmp(data, kMagic, sizeof(kMagic)) != 0) return;
    Header h;
    std::memcpy(&h, data, sizeof h);
    h.fileSize = size;
    for (auto& s : h.sections)
        if (s.offset <= size && s.size <= size - s.offset) s.checksum = axis::hash64({data + s.offset, s.size});
    h.headerChecksum = axis::hash64({reinterpret_cast<const std::uint8_t*>(&h), offsetof(Header, headerChecksum)});
    std::memcpy(data, &h, sizeof h);
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed) {
    size = LLVMFuzzerMutate(data, size, maxSize);
    if (seed % 2 == 0) reseal(data, size);
    return size;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = axis::fuzz::writeInput("input.axbake", data, size);
    auto baked = axis::openCacheFile(path);
    if (!baked) return 0;
    // Everything the renderer would touch: every span, every level-0 index.
    axis::Model model = axis::toModel(*baked);
    (void)model.vertexCount();
    (void)baked->triangleCount();
    (void)baked->pointCount();
    (void)axis::describeCacheFile(path);
    return 0;
}
