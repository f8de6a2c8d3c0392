#include "tiles/tile_selection.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace axis::tiles {
namespace {

class Selector {
public:
    Selector(const Tileset& set, const LodRequest& request, const std::function<ContentState(std::uint32_t)>& state)
        : set_(set), request_(request), state_(state), ready_(set.tiles.size(), kUnknown) {}

    TileSelection run() {
        visit(0);
        // Stand-ins found twice (through a missing tile and again through its missing child) draw once.
        std::vector<std::uint8_t> drawn(set_.tiles.size(), 0);
        std::erase_if(out_.draw, [&](std::uint32_t i) { return std::exchange(drawn[i], std::uint8_t(1)) != 0; });
        // Coarse tiles first (they cover the most and stand in for the rest), then the nearest.
        std::stable_sort(wanted_.begin(), wanted_.end(), [](const Want& a, const Want& b) {
            return a.depth != b.depth ? a.depth < b.depth : a.distance < b.distance;
        });
        for (const Want& w : wanted_) out_.wanted.push_back(w.tile);
        return std::move(out_);
    }

private:
    struct Want {
        std::uint32_t tile, depth;
        double distance;
    };

    glm::vec4 sphere(const Tile& t) const { return glm::vec4(t.sphere); }
    bool inView(const Tile& t) const { return !request_.frustumCull || sphereInFrustum(sphere(t), request_); }
    bool needsRefining(const Tile& t) const {
        return !t.children.empty() &&
               projectedErrorPx({sphere(t), float(t.geometricError)}, request_) > request_.pixelErrorBound;
    }
    ContentState stateOf(std::uint32_t i) const {
        return set_.tiles[i].hasContent() ? state_(i) : ContentState::Failed;  // Nothing to load or draw.
    }
    // Nothing a parent must wait for: out of view, resident or failed, or (a REPLACE tile this view
    // refines) covered by its own children, each ready in turn. Remembered for the frame, since
    // every ancestor asks.
    bool ready(std::uint32_t i) {
        if (ready_[i] != kUnknown) return ready_[i] == kYes;
        const Tile& t = set_.tiles[i];
        bool yes = !inView(t) || stateOf(i) != ContentState::Missing;
        if (!yes && t.refine == Refine::Replace && needsRefining(t))
            yes = std::all_of(t.children.begin(), t.children.end(), [&](std::uint32_t c) { return ready(c); });
        ready_[i] = yes ? kYes : kNo;
        return yes;
    }

    void use(std::uint32_t i) {
        const Tile& t = set_.tiles[i];
        if (!t.hasContent()) return;
        const ContentState s = state_(i);
        if (s == ContentState::Resident) out_.draw.push_back(i);
        const glm::dvec4 centre = request_.modelToSite * glm::dvec4(glm::dvec3(t.sphere), 1.0);
        wanted_.push_back({i, t.depth, glm::length(glm::dvec3(centre) - request_.camera.position)});
        if (s == ContentState::Missing) {
            ++out_.missing;
            standIn(i);
        }
    }

    // A tile on its way is drawn meanwhile by whatever finer tiles below it are resident (after
    // zooming out, say), so that it leaves no hole.
    void standIn(std::uint32_t i) {
        for (std::uint32_t c : set_.tiles[i].children) {
            if (!inView(set_.tiles[c])) continue;
            if (stateOf(c) == ContentState::Resident)
                out_.draw.push_back(c);
            else
                standIn(c);
        }
    }

    void visit(std::uint32_t i) {
        const Tile& t = set_.tiles[i];
        if (!inView(t)) return;
        if (!needsRefining(t)) return use(i);
        if (t.refine == Refine::Add) {
            use(i);
            for (std::uint32_t c : t.children) visit(c);
            return;
        }
        const bool childrenReady =
            std::all_of(t.children.begin(), t.children.end(), [&](std::uint32_t c) { return ready(c); });
        if (childrenReady || !t.hasContent()) {
            for (std::uint32_t c : t.children) visit(c);
            return;
        }
        use(i);  // Stands in for its children until they are all here.
        for (std::uint32_t c : t.children)
            if (inView(set_.tiles[c]) && stateOf(c) == ContentState::Missing) use(c);
    }

    const Tileset& set_;
    const LodRequest& request_;
    const std::function<ContentState(std::uint32_t)>& state_;
    TileSelection out_;
    std::vector<Want> wanted_;
    static constexpr std::int8_t kUnknown = -1, kNo = 0, kYes = 1;
    std::vector<std::int8_t> ready_;
};

}  // namespace

TileSelection selectTiles(const Tileset& tileset, const LodRequest& request,
                          const std::function<ContentState(std::uint32_t)>& state) {
    return Selector(tileset, request, state).run();
}

}  // namespace axis::tiles
