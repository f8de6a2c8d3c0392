#include "viewer/ui/rich_text.h"

#include <imgui.h>

#include "i18n/line_break.h"

namespace axis::viewer {

void drawRichText(const std::vector<Block>& blocks, const std::function<void(const std::string&)>& onPoiLink) {
    const ImVec4 boldColor(1.0f, 0.85f, 0.55f, 1.0f), linkColor(0.55f, 0.75f, 1.0f, 1.0f);
    const float indent = ImGui::GetFontSize() * 1.2f;
    for (const Block& block : blocks) {
        const bool item = block.kind == Block::Kind::ListItem;
        if (item) {
            ImGui::Bullet();
            ImGui::SameLine(0, 0);
            ImGui::Indent(indent);
        }
        const float left = ImGui::GetCursorPosX(), right = ImGui::GetContentRegionMax().x;
        bool lineStart = true;
        for (const Span& span : block.spans) {
            for (const std::string& run : i18n::breakableRuns(span.text)) {
                const float width = ImGui::CalcTextSize(run.c_str()).x;
                if (!lineStart) {
                    ImGui::SameLine(0, 0);
                    if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine(), ImGui::SetCursorPosX(left);
                }
                switch (span.kind) {
                    case Span::Kind::Bold: ImGui::TextColored(boldColor, "%s", run.c_str()); break;
                    case Span::Kind::PoiLink:
                        ImGui::TextColored(linkColor, "%s", run.c_str());
                        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                        if (ImGui::IsItemClicked()) onPoiLink(span.target);
                        break;
                    case Span::Kind::UrlLink:  // Shown, not opened: a kiosk must not launch a browser.
                        ImGui::TextColored(linkColor, "%s", run.c_str());
                        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", span.target.c_str());
                        break;
                    case Span::Kind::Text: ImGui::TextUnformatted(run.c_str()); break;
                }
                lineStart = false;
            }
        }
        if (item) ImGui::Unindent(indent);
        ImGui::Spacing();
    }
}

void drawWrappedText(const std::string& text, float width) {
    const auto measure = [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; };
    for (const std::string& line : i18n::wrapLines(text, width, measure)) ImGui::TextUnformatted(line.c_str());
}

}  // namespace axis::viewer
