#include "viewer/app.h"

#include <ctime>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "nav/framing.h"

namespace axis::viewer {
namespace {

Camera initialCamera(const LoadedScene& scene, double aspect) {
    if (auto start = scene.namedView("start")) return *start;
    std::vector<glm::dvec3> silhouette;
    for (const auto& m : scene.models) {
        auto pts = samplePositions(m.model, m.modelToSite, 20000);
        silhouette.insert(silhouette.end(), pts.begin(), pts.end());
    }
    return framePoints(silhouette, {20.0, 20.0, 1.0}, aspect, 50.0);
}

std::string timestampedName() {
    std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "axisview-%Y%m%d-%H%M%S.png", std::localtime(&now));
    return name;
}

}  // namespace

ViewerApp::ViewerApp(LoadedScene scene, double aspect) : scene_(std::move(scene)) {
    for (const auto& m : scene_.models) {
        visible_.push_back(true);
        shading_.push_back(m.shading);
    }
    Camera start = initialCamera(scene_, aspect);
    // Orbit the point the start view looks at, about as far away as the scene's centre.
    double distance = scene_.bounds.empty() ? 10.0 : glm::length(scene_.bounds.center() - start.position);
    orbit_.reset(start, std::max(distance, 1.0));
}

Camera ViewerApp::camera() const { return orbit_.camera(); }

void ViewerApp::setNavMode(NavMode mode) { nav_ = mode; }

void ViewerApp::handleKey(const KeyEvent& key) {
    if (!key.down) return;
    switch (key.key) {
        case GLFW_KEY_F1:
        case GLFW_KEY_H: showHelp_ = !showHelp_; break;
        case GLFW_KEY_F2: showStats_ = !showStats_; break;
        case GLFW_KEY_F11: fullscreenRequested_ = true; break;
        case GLFW_KEY_F12: screenshotRequest_ = timestampedName(); break;
        case GLFW_KEY_1: setNavMode(NavMode::Walk); break;
        case GLFW_KEY_2: setNavMode(NavMode::Fly); break;
        case GLFW_KEY_3: setNavMode(NavMode::Orbit); break;
        default: break;
    }
}

void ViewerApp::handle(const InputEvent& event, bool uiCaptured) {
    if (auto* k = std::get_if<KeyEvent>(&event)) {
        if (!uiCaptured) handleKey(*k);
    } else if (auto* b = std::get_if<MouseButtonEvent>(&event)) {
        if (b->button >= 0 && b->button < 3) dragging_[b->button] = b->down && !uiCaptured;
    } else if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        glm::dvec2 d = m->position - lastMouse_;
        if (dragging_[0]) orbit_.rotate(d.x, d.y, viewHeight_);
        if (dragging_[1] || dragging_[2]) orbit_.pan(d.x, d.y, viewHeight_);
        lastMouse_ = m->position;
    } else if (auto* s = std::get_if<ScrollEvent>(&event)) {
        if (!uiCaptured) orbit_.zoom(s->dy);
    }
}

void ViewerApp::update(double dt) {
    if (toastSeconds_ > 0) toastSeconds_ -= dt;
}

std::optional<std::string> ViewerApp::takeScreenshotRequest() {
    auto r = screenshotRequest_;
    screenshotRequest_.reset();
    return r;
}

void ViewerApp::screenshotWritten(const std::string& path) {
    toast_ = std::string(text::kScreenshotSaved(language_)) + path;
    toastSeconds_ = 3.0;
}

bool ViewerApp::toggleFullscreenRequested() { return std::exchange(fullscreenRequested_, false); }

void ViewerApp::drawUi(const FrameStats& stats) {
    viewHeight_ = std::max<double>(stats.height, 1.0);
    drawToolbar();
    if (showModels_) drawModelsPanel();
    if (showHelp_) drawHelp();
    if (showStats_) drawStats(stats);
    if (toastSeconds_ > 0) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y - 40),
                                ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::Begin("##toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(toast_.c_str());
        ImGui::End();
    }
}

void ViewerApp::drawToolbar() {
    const Language l = language_;
    ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_Always);
    ImGui::Begin("##toolbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoMove);
    if (ImGui::RadioButton(text::kExplore(l), mode_ == AppMode::Explore)) mode_ = AppMode::Explore;
    ImGui::SameLine();
    if (ImGui::RadioButton(text::kCurator(l), mode_ == AppMode::Curator)) mode_ = AppMode::Curator;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    const std::pair<NavMode, UiText> navs[] = {
        {NavMode::Walk, text::kWalk}, {NavMode::Fly, text::kFly}, {NavMode::Orbit, text::kOrbit}};
    for (const auto& [mode, label] : navs) {
        ImGui::SameLine();
        if (ImGui::RadioButton(label(l), nav_ == mode)) setNavMode(mode);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::Button(text::kModels(l))) showModels_ = !showModels_;
    ImGui::SameLine();
    if (ImGui::Button(text::kHelp(l))) showHelp_ = !showHelp_;
    ImGui::SameLine();
    if (ImGui::Button(text::kLanguage(l)))
        language_ = language_ == Language::Chinese ? Language::English : Language::Chinese;
    ImGui::End();
}

void ViewerApp::drawModelsPanel() {
    const Language l = language_;
    ImGui::SetNextWindowPos(ImVec2(10, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(320, 360), ImGuiCond_FirstUseEver);
    ImGui::Begin(text::kModels(l), &showModels_);
    for (size_t i = 0; i < scene_.models.size(); ++i) {
        ImGui::PushID(int(i));
        bool v = visible_[i];
        if (ImGui::Checkbox(scene_.models[i].id.c_str(), &v)) visible_[i] = v;
        ImGui::SameLine(220);
        bool lit = shading_[i] == Shading::Lit;
        if (ImGui::SmallButton(lit ? text::kLit(l) : text::kUnlit(l)))
            shading_[i] = lit ? Shading::Unlit : Shading::Lit;
        ImGui::PopID();
    }
    ImGui::End();
}

void ViewerApp::drawHelp() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::Begin(text::kControls(language_), &showHelp_, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (ImGui::BeginTable("controls", 2)) {
        for (const auto& [keys, what] : controlsHelp(language_)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void ViewerApp::drawStats(const FrameStats& stats) {
    const Language l = language_;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 10), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##stats", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoInputs);
    ImGui::Text("%s: %.2f ms (%.0f fps)", text::kFrame(l), stats.frameSeconds * 1000.0,
                stats.frameSeconds > 0 ? 1.0 / stats.frameSeconds : 0.0);
    ImGui::Text("%s: %llu", text::kTriangles(l), static_cast<unsigned long long>(stats.triangles));
    ImGui::Text("%ux%u", stats.width, stats.height);
    ImGui::Text("%s: %s", text::kDevice(l), stats.device.c_str());
    ImGui::End();
}

}  // namespace axis::viewer
