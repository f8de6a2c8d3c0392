// The visitor's side of points of interest: labels anchored in the scene, the reading panel with
// "go there" and previous/next in tour order, and tag filters.
#include <algorithm>

#include <imgui.h>

#include "core/lang_text.h"
#include "core/log.h"
#include "poi/markdown.h"
#include "poi/media.h"
#include "render/label_draw.h"
#include "viewer/curator/measure_draw.h"
#include "viewer/ui/rich_text.h"
#include "viewer/app.h"

namespace axis::viewer {

std::vector<Language> ViewerApp::languages() const {
    return offeredLanguages(scene_.site && scene_.site->kiosk ? scene_.site->kiosk->languages : std::vector<std::string>{});
}

// The nearest language the text has ("zh-TW" reads zh-Hant, else zh), else the site's languages
// in order, else any: better another language than nothing.
std::string ViewerApp::poiText(const LangText& text) const { return pickText(text, language_, languages()); }

std::vector<size_t> ViewerApp::poiOrder() const {
    std::vector<size_t> order;
    if (!scene_.pois) return order;
    const auto& pois = scene_.pois->pois;
    const Tour* tour = nullptr;
    if (scene_.site) {
        tour = scene_.site->kiosk ? scene_.site->findTour(scene_.site->kiosk->attractTour) : nullptr;
        if (!tour && !scene_.site->tours.empty()) tour = &scene_.site->tours.front();
    }
    if (tour)
        for (const auto& stop : tour->stops)
            for (size_t i = 0; i < pois.size(); ++i)
                if (pois[i].id == stop.poi && std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
    for (size_t i = 0; i < pois.size(); ++i)  // Those not on the tour follow in file order.
        if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
    return order;
}

void ViewerApp::layoutPoiLabels() {
    labels_ = {};
    labelTexts_.clear();
    if (!scene_.pois) return;
    std::vector<render::LabelInput> inputs;
    for (const auto& poi : scene_.pois->pois) {
        std::string title = poiText(poi.title);
        // Filtered out by tag, or cut away with what it annotates.
        bool hidden = std::any_of(poi.tags.begin(), poi.tags.end(), [&](const std::string& t) { return hiddenTags_.count(t); }) ||
                      !scene_.clipping.keeps(poi.anchor.position);
        render::LabelInput in;
        in.id = poi.id;
        in.anchor = poi.anchor.position;
        in.normal = poi.anchor.normal;
        in.size = hidden ? glm::vec2(0.0f) : render::labelBoxSize(title);
        in.priority = openPoi_ && &scene_.pois->pois[*openPoi_] == &poi ? 1 : 0;
        if (hidden) in.anchor = glm::dvec3(std::numeric_limits<double>::quiet_NaN());
        inputs.push_back(in);
        labelTexts_.push_back(title);
    }
    labels_ = render::layoutLabels(inputs, camera(), glm::vec2(float(viewWidth_), float(viewHeight_)),
                                   [this](const glm::dvec3& from, const glm::dvec3& to) {
                                       glm::dvec3 d = to - from;
                                       return bvh_.anyHit(from, d, glm::length(d) * 0.999);  // Up to the anchor, not past it.
                                   });
    render::drawLabels(ImGui::GetBackgroundDrawList(), labels_, labelTexts_, openPoi_ ? int(*openPoi_) : -1);
    if (mode_ == AppMode::Curator) return;  // The curator's measure tool draws them, live while edited.
    for (const Measurement& m : scene_.pois->measurements)
        if (std::all_of(m.points.begin(), m.points.end(), [&](const glm::dvec3& p) { return scene_.clipping.keeps(p); }))
            drawMeasurement(ImGui::GetBackgroundDrawList(), camera(), glm::vec2(float(viewWidth_), float(viewHeight_)),
                            m.kind, m.points, {});
}

std::optional<size_t> ViewerApp::poiAt(glm::dvec2 p) const {
    const glm::vec2 q(p);
    for (const auto& l : labels_.labels)
        if (q.x >= l.boxMin.x && q.x <= l.boxMax.x && q.y >= l.boxMin.y && q.y <= l.boxMax.y) return l.input;
    for (const auto& m : labels_.markers)
        if (glm::length(q - m.marker) <= 12.0f) return m.input;
    return std::nullopt;
}

void ViewerApp::openPoi(size_t index) { openPoi_ = index; }

void ViewerApp::drawPoiMedia(const Poi& poi) {
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto& media : poi.media) {
        if (media.isAudio()) continue;  // Narration has its button (drawNarrationButton).
        auto path = resolveMediaSafely(*scene_.pois, media.path);
        if (!path) {
            ImGui::TextDisabled("%s", path.error().message.c_str());
            continue;
        }
        auto image = images_.get(*path);
        if (!image) {
            ImGui::TextDisabled("…");  // Still decoding on the worker thread.
        } else if (!image->error.empty() || !image->texture) {
            ImGui::TextDisabled("%s", image->error.empty() ? media.path.c_str() : image->error.c_str());
        } else {
            const float w = std::min(width, float(image->width) * 2.0f);
            ImGui::Image(image->texture, ImVec2(w, w * float(image->height) / float(image->width)));
        }
        if (std::string caption = poiText(media.caption); !caption.empty()) ImGui::TextWrapped("%s", caption.c_str());
        ImGui::Spacing();
    }
}

std::optional<std::filesystem::path> ViewerApp::narrationFile(const Poi& poi) const {
    std::vector<std::string> spoken;
    for (const auto& media : poi.media)
        if (media.isAudio()) spoken.push_back(media.language);
    const auto tag = matchTag(spoken, language_);
    if (!tag || !scene_.pois) return std::nullopt;
    auto path = resolveMediaSafely(*scene_.pois, findNarration(poi, *tag)->path);
    if (!path) return std::nullopt;
    return *path;
}

NarrationPlayer* ViewerApp::narrationPlayer() {
    if (!narrationOpened_) {
        narration_ = NarrationPlayer::open();
        narrationOpened_ = true;
    }
    return narration_.get();
}

// Listen / Stop for the POI's narration in the reader's language (its nearest tag; none in another
// language, which the reader did not ask for).
void ViewerApp::drawNarrationButton(const Poi& poi) {
    const std::optional<std::filesystem::path> mine = narrationFile(poi);
    // Another POI's narration, or another language's, ends when the reader moves on.
    if (narration_ && narration_->playing() && narration_->playing() != mine) stopNarration();
    if (!mine) return;
    NarrationPlayer* player = narrationPlayer();
    if (!player) return;
    const bool playing = player->playing() == mine;
    const char* label = playing ? text::kStopListening(language_) : text::kListen(language_);
    if (!ImGui::Button((std::string(label) + "###listen").c_str())) return;
    if (playing) {
        stopNarration();
        return;
    }
    player->play(*mine);
    narrationFromPanel_ = true;
    logInfo("narration: " + mine->filename().string());
}

bool ViewerApp::playNarration(size_t index) {
    if (!scene_.pois || index >= scene_.pois->pois.size()) return false;
    const std::optional<std::filesystem::path> file = narrationFile(scene_.pois->pois[index]);
    NarrationPlayer* player = file ? narrationPlayer() : nullptr;
    if (!player) return false;
    player->play(*file);
    narrationFromPanel_ = false;
    logInfo("narration: " + file->filename().string());
    return true;
}

void ViewerApp::stopNarration() {
    narrationFromPanel_ = false;
    if (!narration_ || !narration_->playing()) return;
    narration_->stop();
    logInfo("narration: stopped");
}

void ViewerApp::setPois(const PoiFile& pois) {
    scene_.pois = pois;
    if (openPoi_ && *openPoi_ >= pois.pois.size()) openPoi_.reset();
}

void ViewerApp::drawPoiPanel() {
    if (!openPoi_ || !scene_.pois || *openPoi_ >= scene_.pois->pois.size()) {
        // The panel closed (or the kiosk reset): a narration its Listen started ends with it.
        if (narrationFromPanel_) stopNarration();
        return;
    }
    const Poi& poi = scene_.pois->pois[*openPoi_];
    const Language l = language_;
    ImGuiIO& io = ImGui::GetIO();
    const float width = std::min(460.0f, io.DisplaySize.x * 0.45f);
    const PanelRect place = poiPanelRect_.value_or(
        PanelRect{io.DisplaySize.x - width - 10, 60, width, std::max(200.0f, io.DisplaySize.y - 120)});
    ImGui::SetNextWindowPos(ImVec2(place.x, place.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(place.width, place.height), ImGuiCond_Always);
    bool open = true;
    const std::string title = poiText(poi.title);
    // Placed by a layer: no small close or collapse boxes (the layer brings a close button).
    const ImGuiWindowFlags placed = poiPanelRect_ ? ImGuiWindowFlags_NoCollapse : 0;
    ImGui::Begin((title + "###poi").c_str(), poiPanelRect_ ? nullptr : &open,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | placed);
    drawNarrationButton(poi);  // First, as an audio guide's button is: before the text it reads.
    drawRichText(parseBody(poiText(poi.body)), [this](const std::string& id) {
        if (long i = scene_.pois->indexOf(id); i >= 0) openPoi(size_t(i));
    });
    drawPoiMedia(poi);
    if (!poi.tags.empty()) {
        std::string tags;
        for (const auto& t : poi.tags) tags += (tags.empty() ? "" : " · ") + t;
        ImGui::TextDisabled("%s", tags.c_str());
    }
    ImGui::Separator();
    if (poi.viewpoint && ImGui::Button(text::kGoThere(l))) goToCamera(site::toCamera(*poi.viewpoint));
    auto order = poiOrder();
    auto at = std::find(order.begin(), order.end(), *openPoi_);
    if (at != order.end() && order.size() > 1) {
        ImGui::SameLine();
        const size_t pos = size_t(at - order.begin());
        if (ImGui::Button(text::kPrevious(l))) openPoi_ = order[(pos + order.size() - 1) % order.size()];
        ImGui::SameLine();
        if (ImGui::Button(text::kNext(l))) openPoi_ = order[(pos + 1) % order.size()];
    }
    ImGui::SameLine();
    if (ImGui::Button((languageButtonLabel(languages(), l) + "###language").c_str()))
        language_ = nextLanguage(languages(), language_);
    ImGui::End();
    if (!open) openPoi_.reset();
}

std::vector<std::string> splitParagraphs(const std::string& body) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find("\n\n", start);
        std::string p = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!p.empty()) out.push_back(p);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

}  // namespace axis::viewer
