#pragma once
// What one frame draws, decided on the CPU before any command is recorded: per item the clusters
// of its LOD cut inside the view, the wave it is drawn in, and, for items after the first wave,
// one occlusion candidate and indirect draw per cluster (render/occlusion_culler.h).
//
// Waves: items go near to far; the first wave is the nearest item, then each wave doubles
// (2, 4, 8, ...), so that a street of copies is tested against ever more of what stands in front
// of it at a pyramid build per doubling. A wave with less than kMinTrianglesPerWave of testable
// triangles joins the one before: a pyramid costs more than it could save.
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "render/scene_renderer.h"
#include "scene/lod.h"
#include "shared.h"

namespace axis::render {

inline constexpr std::uint32_t kDirectDraw = UINT32_MAX;
inline constexpr std::uint64_t kMinTrianglesPerWave = 16384;

struct PlannedItem {
    std::size_t item = 0;  ///< Index into the frame's DrawItems.
    std::uint32_t wave = 0;
    std::vector<DrawRange> ranges;
    /// Parallel to ranges: the indirect draw a range became, or kDirectDraw.
    std::vector<std::uint32_t> commands;
};

struct FramePlan {
    std::vector<PlannedItem> items;  ///< Near to far; only items with something in view.
    std::uint32_t waveCount = 1;
    std::vector<std::uint32_t> waveFirst, waveCandidates;  ///< Candidates of each wave (wave 0 has none).
    std::vector<shader::OcclusionCandidate> candidates;
    std::vector<VkDrawIndexedIndirectCommand> commands;
    RenderStats stats;  ///< Clusters selected and frustum-culled.
};

/// Plans a frame on a target of `extent`; `occlusion` false puts everything in one wave.
FramePlan planFrame(const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items, bool occlusion);

}  // namespace axis::render
