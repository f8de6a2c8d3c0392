#pragma once
// What one frame draws, decided on the CPU before any command is recorded: per item the clusters
// of its LOD cut inside the view, split into those drawn first and those tested for occlusion
// (render/occlusion_culler.h) before being drawn.
//
// Drawn first: every cluster the history (render/occlusion_history.h) last saw visible, all of
// the nearest item when it has no history yet, and whatever cannot be tested (blended materials,
// points, spheres through the near plane). Then one depth pyramid tests the rest, each as an
// indirect draw, and, without drawing them again, the clusters drawn first, so that the history
// learns which of those have become hidden.
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "render/geometry_residency.h"
#include "render/occlusion_history.h"
#include "render/scene_renderer.h"
#include "render/texture_demand.h"
#include "scene/lod.h"
#include "shared.h"

namespace axis::render {

struct PlannedItem {
    std::size_t item = 0;                   ///< Index into the frame's DrawItems.
    std::vector<DrawRange> first;           ///< Drawn before the test; adjacent clusters merged.
    std::vector<DrawRange> tested;          ///< One cluster each, drawn by the test's verdict...
    std::vector<std::uint32_t> commands;    ///< ...through these indirect draws (parallel to tested).
    /// Runs of `tested` that share pipeline and material: where each starts, and its DrawBatch.
    std::vector<std::uint32_t> batchStarts, batches;
};

struct FramePlan {
    std::vector<PlannedItem> items;  ///< Near to far; only items with something in view.
    std::vector<shader::OcclusionCandidate> candidates;  ///< Everything the test looks at.
    std::vector<VkDrawIndexedIndirectCommand> commands;  ///< One per candidate.
    std::vector<CommandOwner> owners;                    ///< Parallel to commands.
    /// Commands [0, drawnCommands) are drawn after the test; the rest only report on clusters
    /// that were drawn first.
    std::uint32_t drawnCommands = 0;
    std::vector<shader::DrawBatch> batches;  ///< Over the drawn commands.
    RenderStats stats;  ///< Clusters selected and frustum-culled.
    std::vector<TextureNeed> textureNeeds;  ///< Of every cluster in view, hidden or not.
};

/// Plans a frame on a target of `extent`. Without a history, nothing is tested: every cluster is
/// drawn first. Paged models (GpuModel::pages) draw what `geometry` selects and makes resident.
FramePlan planFrame(const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items,
                    const OcclusionHistory* history, GeometryResidency& geometry);

}  // namespace axis::render
