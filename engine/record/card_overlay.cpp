#include "record/card_overlay.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <imgui.h>

#include "i18n/line_break.h"
#include "record/imgui_scope.h"
#include "render/imgui_pass.h"
#include "render/ui_fonts.h"

namespace axis::record {
namespace {

std::vector<std::string> textsOf(const CardText& text) {
    std::vector<std::string> texts{text.title, text.subtitle, text.watermark};
    texts.insert(texts.end(), text.creditLines.begin(), text.creditLines.end());
    return texts;
}

// `text` cut to lines no wider than `width` at `size`, by the kinsoku rules for CJK.
std::vector<std::string> linesOf(ImFont* font, float size, float width, const std::string& text) {
    const auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(size, std::numeric_limits<float>::max(), 0.0f, s.data(), s.data() + s.size()).x;
    };
    return i18n::wrapLines(text, width, measure);
}

float textWidth(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, std::numeric_limits<float>::max(), 0.0f, text.c_str()).x;
}

}  // namespace

CardText cardTextOf(const Site& site, const std::string& language) {
    CardText text;
    text.title = pickText(site.name, language);
    const std::string description = pickText(site.description, language);
    text.subtitle = description.substr(0, description.find("\n\n"));
    const SiteCredits& credits = site.credits;
    const std::string institution = pickText(credits.institution, language);
    if (!institution.empty()) text.creditLines.push_back(institution);
    text.creditLines.insert(text.creditLines.end(), credits.authors.begin(), credits.authors.end());
    const std::string copyright = copyrightLine(credits, language);
    if (!copyright.empty()) text.creditLines.push_back(copyright);
    if (!credits.licenceUrl.empty()) text.creditLines.push_back(credits.licenceUrl);
    text.watermark = copyright.empty() ? institution : copyright;
    return text;
}

render::OffscreenRenderer::Overlay chainOverlays(render::OffscreenRenderer::Overlay first,
                                                 render::OffscreenRenderer::Overlay second) {
    if (!first) return second;
    if (!second) return first;
    return [first, second](VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView view, VkExtent2D extent) {
        first(cmd, frames, view, extent);
        second(cmd, frames, view, extent);
    };
}

CardOverlay::CardOverlay(gpu::Context& context, VkFormat colorFormat, std::uint32_t width, std::uint32_t height,
                         CardText text, CardTiming timing)
    : text_(std::move(text)), timing_(timing), width_(float(width)), height_(float(height)),
      fontPixels_(std::max(12.0f, std::round(float(std::min(width, height)) / 24.0f))) {
    imgui_ = createHeadlessContext(width_, height_);
    ImGuiContextScope scope(imgui_);
    render::buildFonts(textsOf(text_), fontPixels_);
    pass_ = std::make_unique<render::ImGuiPass>(context, colorFormat);
    pass_->uploadFonts();
}

CardOverlay::~CardOverlay() {
    pass_.reset();  // Waits for the device before the atlas it drew from goes away.
    ImGui::DestroyContext(imgui_);
}

double CardOverlay::titleOpacity(double t) const {
    t -= timing_.startSeconds;
    if (timing_.titleSeconds <= 0.0 || t < 0.0 || t >= timing_.titleSeconds) return 0.0;
    const double fade = std::min(timing_.fadeSeconds, timing_.titleSeconds);
    return fade > 0.0 ? std::clamp((timing_.titleSeconds - t) / fade, 0.0, 1.0) : 1.0;
}

double CardOverlay::endOpacity(double t) const {
    t -= timing_.startSeconds;
    const double start = timing_.videoSeconds - timing_.endSeconds;
    if (timing_.endSeconds <= 0.0 || t < start) return 0.0;
    const double fade = std::min(timing_.fadeSeconds, timing_.endSeconds);
    return fade > 0.0 ? std::clamp((t - start) / fade, 0.0, 1.0) : 1.0;
}

render::OffscreenRenderer::Overlay CardOverlay::frame(double t) {
    const double title = titleOpacity(t), end = endOpacity(t);
    if (title <= 0.0 && end <= 0.0 && text_.watermark.empty()) return {};
    ImGuiContextScope scope(imgui_);
    ImGui::NewFrame();
    if (!text_.watermark.empty()) drawWatermark();
    // The title card opens with the subtitle; the end card closes with the credits.
    if (title > 0.0) drawCard(text_.title, text_.subtitle.empty() ? std::vector<std::string>{} : std::vector{text_.subtitle}, title);
    if (end > 0.0) drawCard(text_.title, text_.creditLines, end);
    ImGui::Render();
    const ImDrawData* data = ImGui::GetDrawData();
    return [this, data](VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView view, VkExtent2D extent) {
        ImGuiContextScope inner(imgui_);
        pass_->record(cmd, frames, view, extent, data);
    };
}

// The scene dimmed to near black, the heading large and centred, each line centred below it.
void CardOverlay::drawCard(const std::string& heading, const std::vector<std::string>& lines, double opacity) {
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    ImFont* font = ImGui::GetFont();
    const auto rgba = [opacity](int r, int g, int b, double a) { return IM_COL32(r, g, b, int(255.0 * a * opacity)); };
    // Nearly opaque: the blend is in linear light, where 0.9 would still show the scene plainly.
    list->AddRectFilled(ImVec2(0, 0), ImVec2(width_, height_), rgba(12, 12, 16, 0.97));
    const float headingSize = fontPixels_ * 1.6f, size = fontPixels_, wrap = width_ * 0.8f;
    std::vector<std::pair<std::string, float>> rows;  // Text, size.
    for (const std::string& line : linesOf(font, headingSize, wrap, heading)) rows.emplace_back(line, headingSize);
    const std::size_t headingRows = rows.size();
    for (const std::string& paragraph : lines)
        for (const std::string& line : linesOf(font, size, wrap, paragraph)) rows.emplace_back(line, size);
    float total = 0.0f;
    for (const auto& [line, px] : rows) total += px * 1.35f;
    if (rows.size() > headingRows) total += size;  // A gap under the heading.
    float y = std::max(0.0f, (height_ - total) * 0.5f);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == headingRows) y += size;
        const auto& [line, px] = rows[i];
        const float x = (width_ - textWidth(font, px, line)) * 0.5f;
        list->AddText(font, px, ImVec2(x, y), i < headingRows ? rgba(255, 214, 150, 1.0) : rgba(240, 236, 228, 1.0),
                      line.c_str());
        y += px * 1.35f;
    }
}

// Small and translucent in the bottom-right corner, on a faint band so it reads on any scene.
void CardOverlay::drawWatermark() {
    ImDrawList* list = ImGui::GetForegroundDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = std::max(11.0f, fontPixels_ * 0.55f), margin = size * 0.8f;
    const float w = textWidth(font, size, text_.watermark);
    const ImVec2 at(width_ - w - margin, height_ - size * 1.2f - margin);
    list->AddRectFilled(ImVec2(at.x - size * 0.3f, at.y - size * 0.1f), ImVec2(at.x + w + size * 0.3f, at.y + size * 1.2f),
                        IM_COL32(0, 0, 0, 70), size * 0.2f);
    list->AddText(font, size, at, IM_COL32(255, 255, 255, 170), text_.watermark.c_str());
}

}  // namespace axis::record
