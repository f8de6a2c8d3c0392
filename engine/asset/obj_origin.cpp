#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include <assimp/DefaultIOSystem.h>
#include <assimp/MemoryIOWrapper.h>

#include "asset/import_internal.h"

namespace axis::detail {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// "v x y z ..." (leading blanks allowed): the position, and where its three numbers end.
std::optional<std::pair<glm::dvec3, std::size_t>> vertexLine(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && isBlank(line[i])) ++i;
    if (i + 1 >= line.size() || line[i] != 'v' || !isBlank(line[i + 1])) return std::nullopt;
    ++i;
    glm::dvec3 p;
    for (int k = 0; k < 3; ++k) {
        while (i < line.size() && isBlank(line[i])) ++i;
        const char* first = line.data() + i;
        if (*first == '+') ++first;  // from_chars takes no plus sign; OBJ writers sometimes do.
        auto [end, error] = std::from_chars(first, line.data() + line.size(), p[k]);
        if (error != std::errc()) return std::nullopt;
        i = std::size_t(end - line.data());
    }
    return std::pair{p, i};
}

// Serves the recentred text in place of the OBJ itself; its material libraries and textures are
// read from disk as usual.
class RecentredObjIo : public Assimp::DefaultIOSystem {
public:
    RecentredObjIo(std::string path, const std::string& text) : path_(std::move(path)), text_(text) {}
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (path_ == file)
            return new Assimp::MemoryIOStream(reinterpret_cast<const std::uint8_t*>(text_.data()), text_.size());
        return DefaultIOSystem::Open(file, mode);
    }

private:
    std::string path_;
    const std::string& text_;
};

}  // namespace

std::optional<RecentredObj> recentreObjVertices(std::span<const std::uint8_t> bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::optional<glm::dvec3> origin;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        auto vertex = vertexLine(line);
        if (vertex && !origin) {
            const glm::dvec3 first = vertex->first;
            if (!std::isfinite(first.x) || !std::isfinite(first.y) || !std::isfinite(first.z))
                return std::nullopt;  // Assimp's own checks then.
            const glm::dvec3 o = originFor(vertex->first);
            if (o == glm::dvec3(0.0)) return std::nullopt;  // Floats hold these coordinates to a millimetre.
            origin = o;
            out.reserve(text.size());
            out.append(text.substr(0, start));
        }
        if (vertex) {
            const glm::dvec3 p = vertex->first - *origin;
            char numbers[96];
            const int n = std::snprintf(numbers, sizeof numbers, "v %.9g %.9g %.9g", p.x, p.y, p.z);
            out.append(numbers, std::size_t(n));
            out.append(line.substr(vertex->second));
        } else if (origin) {
            out.append(line);
        }
        if (origin && end < text.size()) out.push_back('\n');
        start = end + 1;
    }
    if (!origin) return std::nullopt;
    return RecentredObj{std::move(out), *origin};
}

Assimp::IOSystem* serveRecentredObj(const std::string& path, const RecentredObj& obj) {
    return new RecentredObjIo(path, obj.text);
}

}  // namespace axis::detail
