#include "record/label_overlay.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <imgui.h>

#include "i18n/line_break.h"
#include "record/imgui_scope.h"
#include "render/imgui_pass.h"
#include "render/label_draw.h"
#include "render/label_layout.h"
#include "render/ui_fonts.h"

namespace axis::record {
namespace {

// Every string the atlas must hold glyphs for: titles and bodies in all languages.
std::vector<std::string> textsOf(const PoiFile& pois) {
    std::vector<std::string> texts;
    for (const auto& poi : pois.pois) {
        for (const auto& [lang, t] : poi.title) texts.push_back(t);
        for (const auto& [lang, t] : poi.body) texts.push_back(firstParagraph(t));
    }
    return texts;
}

}  // namespace

std::string firstParagraph(const std::string& body) {
    std::size_t start = body.find_first_not_of("\n");
    if (start == std::string::npos) return {};
    return body.substr(start, body.find("\n\n", start) - start);
}

std::vector<Caption> captionsOf(const std::vector<PathKey>& keys, const PoiFile& pois) {
    constexpr double kMatchMetres = 0.01;
    std::vector<Caption> out;
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
        if (glm::length(keys[i + 1].position - keys[i].position) > kSamePositionMetres) continue;
        for (std::size_t p = 0; p < pois.pois.size(); ++p) {
            const auto& v = pois.pois[p].viewpoint;
            if (v && glm::length(v->position - keys[i].position) <= kMatchMetres) {
                out.push_back({keys[i].time, keys[i + 1].time, p});
                break;
            }
        }
    }
    return out;
}

LabelOverlay::LabelOverlay(gpu::Context& context, VkFormat colorFormat, std::uint32_t width, std::uint32_t height,
                           const PoiFile& pois, const Bvh& bvh, std::vector<Caption> captions,
                           const LabelOverlaySettings& settings)
    : pois_(pois), bvh_(bvh), captions_(std::move(captions)), settings_(settings), width_(float(width)),
      height_(float(height)) {
    if (settings_.fontPixels <= 0.0f) settings_.fontPixels = std::max(11.0f, std::round(height_ / 40.0f));
    imgui_ = createHeadlessContext(width_, height_);
    ImGuiContextScope scope(imgui_);
    for (const auto& poi : pois_.pois) titles_.push_back(text(poi.title));
    std::vector<std::string> shown = titles_;  // In the chosen language: drawn with its region's glyphs.
    for (const auto& poi : pois_.pois) shown.push_back(firstParagraph(text(poi.body)));
    render::buildFonts(textsOf(pois_), settings_.fontPixels, {{settings_.language, shown}});
    ImGui::GetIO().FontDefault = render::fontFor(settings_.language);
    pass_ = std::make_unique<render::ImGuiPass>(context, colorFormat);
    pass_->uploadFonts();
}

LabelOverlay::~LabelOverlay() {
    pass_.reset();  // Waits for the device before the atlas it drew from goes away.
    ImGui::DestroyContext(imgui_);
}

// The nearest language the map has ("zh-TW" reads zh-Hant, else zh), else any.
std::string LabelOverlay::text(const LangText& map) const { return pickText(map, settings_.language); }

std::optional<std::size_t> LabelOverlay::captionAt(double t) const {
    for (std::size_t i = 0; i < captions_.size(); ++i)
        if (t >= captions_[i].start && t <= captions_[i].end) return i;
    return std::nullopt;
}

render::OffscreenRenderer::Overlay LabelOverlay::frame(const Camera& camera, double t) {
    ImGuiContextScope scope(imgui_);
    ImGui::NewFrame();
    const float scale = settings_.fontPixels / 18.0f;  // label_layout's spacing is sized for 18 px text.
    std::vector<render::LabelInput> inputs;
    for (std::size_t i = 0; i < pois_.pois.size(); ++i) {
        render::LabelInput in;
        in.id = pois_.pois[i].id;
        in.anchor = pois_.pois[i].anchor.position;
        in.normal = pois_.pois[i].anchor.normal;
        in.size = render::labelBoxSize(titles_[i]);
        if (!settings_.clipping.keeps(in.anchor)) {  // Cut away with what it annotates.
            in.anchor = glm::dvec3(std::numeric_limits<double>::quiet_NaN());
            in.size = glm::vec2(0.0f);
        }
        inputs.push_back(in);
    }
    render::LabelSettings settings;
    settings.leader *= scale;
    settings.margin *= scale;
    const auto layout = render::layoutLabels(inputs, camera, glm::vec2(width_, height_),
                                             [this](const glm::dvec3& from, const glm::dvec3& to) {
                                                 const glm::dvec3 d = to - from;
                                                 return bvh_.anyHit(from, d, glm::length(d));
                                             }, settings);
    render::drawLabels(ImGui::GetBackgroundDrawList(), layout, titles_);
    if (auto c = captionAt(t)) drawCaption(captions_[*c], t);
    ImGui::Render();
    const ImDrawData* data = ImGui::GetDrawData();
    return [this, data](VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView view, VkExtent2D extent) {
        ImGuiContextScope inner(imgui_);
        pass_->record(cmd, frames, view, extent, data);
    };
}

namespace {

// `text` with a '\n' wherever it must break to fit `width` at `size`. ImGui's own wrapping breaks
// CJK text anywhere, putting "，" at the start of a line; these lines follow the kinsoku rules.
std::string wrapped(ImFont* font, float size, float width, const std::string& text) {
    const auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(size, std::numeric_limits<float>::max(), 0.0f, s.data(), s.data() + s.size()).x;
    };
    std::string out;
    for (const std::string& line : i18n::wrapLines(text, width, measure)) out += (out.empty() ? "" : "\n") + line;
    return out;
}

}  // namespace

// A dark band at the bottom: the title, then the first paragraph wrapped to the band's width.
void LabelOverlay::drawCaption(const Caption& caption, double t) {
    const double fade = settings_.captionFadeSeconds;
    const double edge = std::min(t - caption.start, caption.end - t);
    const float alpha = fade > 0.0 ? float(std::clamp(edge / fade, 0.0, 1.0)) : 1.0f;
    if (alpha <= 0.0f) return;
    const Poi& poi = pois_.pois[caption.poi];
    ImFont* font = ImGui::GetFont();
    const float size = settings_.fontPixels, titleSize = size * 1.25f, pad = size * 0.6f;
    const float wrap = width_ * 0.84f;
    const std::string title = wrapped(font, titleSize, wrap, text(poi.title));
    const std::string body = wrapped(font, size, wrap, firstParagraph(text(poi.body)));
    const float unwrapped = std::numeric_limits<float>::max();
    const ImVec2 titleExtent = font->CalcTextSizeA(titleSize, unwrapped, 0.0f, title.c_str());
    ImVec2 bodyExtent = font->CalcTextSizeA(size, unwrapped, 0.0f, body.c_str());
    // At most a third of the frame: a long paragraph is cut rather than covering the view.
    bodyExtent.y = std::min(bodyExtent.y, height_ / 3.0f - titleExtent.y);
    const float boxHeight = titleExtent.y + bodyExtent.y + pad * 3.0f;
    const ImVec2 boxMin(width_ * 0.08f - pad, height_ - boxHeight - height_ * 0.04f);
    const ImVec2 boxMax(width_ * 0.92f + pad, height_ - height_ * 0.04f);
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const auto rgba = [alpha](int r, int g, int b, float a) { return IM_COL32(r, g, b, int(255.0f * a * alpha)); };
    list->AddRectFilled(boxMin, boxMax, rgba(20, 20, 24, 0.78f), pad);
    const ImVec2 titlePos(width_ * 0.08f, boxMin.y + pad);
    list->AddText(font, titleSize, titlePos, rgba(255, 214, 150, 1.0f), title.c_str());
    const ImVec2 bodyPos(titlePos.x, titlePos.y + titleExtent.y + pad);
    const ImVec4 clip(bodyPos.x, bodyPos.y, width_, bodyPos.y + bodyExtent.y);
    list->AddText(font, size, bodyPos, rgba(245, 240, 230, 1.0f), body.c_str(), nullptr, 0.0f, &clip);
}

}  // namespace axis::record
