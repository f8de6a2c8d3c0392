#include "viewer/ui/rich_text.h"

#include <imgui.h>

namespace axis::viewer {
namespace {

// Length of the UTF-8 sequence starting with `lead` (1 for invalid bytes: the text is sanitised).
size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

// CJK ideographs, kana, hangul and full-width punctuation: a line may break around each.
bool isWideCharacter(const std::string& text, size_t i, size_t len) {
    if (len < 3) return false;
    unsigned cp = ((unsigned char)text[i] & 0x0F) << 12 | ((unsigned char)text[i + 1] & 0x3F) << 6 |
                  ((unsigned char)text[i + 2] & 0x3F);
    if (len == 4) return true;  // Supplementary planes: CJK extensions, emoji.
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
}

}  // namespace

std::vector<std::string> breakableRuns(const std::string& text) {
    std::vector<std::string> runs;
    std::string current;
    for (size_t i = 0; i < text.size();) {
        size_t len = std::min(sequenceLength((unsigned char)text[i]), text.size() - i);
        if (isWideCharacter(text, i, len)) {
            if (!current.empty()) runs.push_back(std::move(current)), current.clear();
            runs.push_back(text.substr(i, len));
        } else {
            current += text.substr(i, len);
            if (text[i] == ' ') runs.push_back(std::move(current)), current.clear();
        }
        i += len;
    }
    if (!current.empty()) runs.push_back(std::move(current));
    return runs;
}

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
            for (const std::string& run : breakableRuns(span.text)) {
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

}  // namespace axis::viewer
