#include "viewer/record_mode/record_layer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <GLFW/glfw3.h>

#include "viewer/app.h"

namespace axis::viewer {
namespace {

constexpr std::size_t kMaxUndo = 100;

void copyText(char (&to)[512], const std::string& from) {
    std::snprintf(to, sizeof to, "%s", from.c_str());
}

// The keyframe that reproduces a viewer camera: heading and pitch from its view direction
// (the viewer's cameras never roll), fov from its vertical field of view.
record::PathKey keyFrom(const Camera& c, double time) {
    record::PathKey k;
    k.time = time;
    k.position = c.position;
    const glm::dvec3 f = glm::normalize(c.forward);
    double yaw = glm::degrees(std::atan2(f.x, f.y));
    k.angles.yaw = yaw < 0.0 ? yaw + 360.0 : yaw;
    k.angles.pitch = glm::degrees(std::asin(std::clamp(f.z, -1.0, 1.0)));
    k.fov = glm::degrees(c.fovY);
    return k;
}

std::string defaultOutput(const std::filesystem::path& pathFile) {
    std::filesystem::path out = pathFile;
    std::string stem = out.stem().string();  // "walk.path" from "walk.path.json"
    if (auto dot = stem.rfind(".path"); dot != std::string::npos && dot + 5 == stem.size()) stem.resize(dot);
    return (out.parent_path() / (stem + ".mp4")).string();
}

}  // namespace

RecordLayer::RecordLayer(std::filesystem::path scene, std::filesystem::path pathFile) : scene_(std::move(scene)) {
    copyText(pathText_, pathFile.string());
    copyText(outputText_, defaultOutput(pathFile));
    file_.name = "flythrough";
    if (std::filesystem::exists(pathFile)) load();
}

void RecordLayer::snapshot() {
    undo_.push_back(file_.keys);
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
}

void RecordLayer::edited() {
    path_.reset();
    if (!file_.keys.empty())
        if (auto p = record::makeCameraPath(file_)) path_ = std::move(*p);
    if (selected_ >= int(file_.keys.size())) selected_ = int(file_.keys.size()) - 1;
    if (path_) playhead_ = std::clamp(playhead_, path_->startTime(), path_->endTime());
    else playhead_ = 0.0;
}

void RecordLayer::addKey(ViewerApp& app) {
    snapshot();
    const double time = file_.keys.empty() ? 0.0 : file_.keys.back().time + kKeyGapSeconds;
    file_.keys.push_back(keyFrom(app.camera(), time));
    selected_ = int(file_.keys.size()) - 1;
    playhead_ = time;
    edited();
    status_ = StatusText::of(text::kKeyAdded, std::to_string(selected_ + 1));
}

void RecordLayer::deleteSelected() {
    if (selected_ < 0 || selected_ >= int(file_.keys.size())) return;
    snapshot();
    file_.keys.erase(file_.keys.begin() + selected_);
    // Keep the first key at t = 0: a recording starts at its first keyframe.
    if (!file_.keys.empty() && file_.keys.front().time > 0.0) {
        const double shift = file_.keys.front().time;
        for (auto& k : file_.keys) k.time -= shift;
    }
    edited();
}

// Times must strictly increase: a key moves only between its neighbours.
void RecordLayer::retime(std::size_t key, double time) {
    auto& keys = file_.keys;
    const double lo = key == 0 ? 0.0 : keys[key - 1].time + kMinKeyGapSeconds;
    const double hi = key + 1 < keys.size() ? keys[key + 1].time - kMinKeyGapSeconds : 1e6;
    keys[key].time = std::clamp(time, lo, std::max(lo, hi));
    edited();
}

void RecordLayer::undo() {
    if (undo_.empty()) return;
    file_.keys = std::move(undo_.back());
    undo_.pop_back();
    edited();
    status_ = StatusText::of(text::kUndone);
}

void RecordLayer::scrubTo(ViewerApp& app, double t) {
    if (!path_) return;
    // The path sets position and orientation freely; orbiting would re-aim at a pivot.
    if (app.navMode() == NavMode::Orbit) app.setNavMode(NavMode::Fly);
    playhead_ = std::clamp(t, path_->startTime(), path_->endTime());
    app.setCamera(path_->evaluate(playhead_));
}

void RecordLayer::togglePlay(ViewerApp& app) {
    if (!path_) return;
    playing_ = !playing_;
    if (playing_ && playhead_ >= path_->endTime()) playhead_ = path_->startTime();  // Replay from the top.
    if (playing_) scrubTo(app, playhead_);
}

bool RecordLayer::save() {
    if (file_.keys.empty()) {
        status_ = StatusText::of(text::kNothingToSave);
        return false;
    }
    Status s = record::savePathFile(file_, pathText_);
    status_ = s ? StatusText::of(text::kPathSaved, pathText_) : StatusText::raw(s.error().message);
    return bool(s);
}

void RecordLayer::load() {
    auto loaded = record::loadPathFile(pathText_);
    if (!loaded) {
        status_ = StatusText::raw(loaded.error().message);
        return;
    }
    snapshot();
    file_ = std::move(*loaded);
    selected_ = file_.keys.empty() ? -1 : 0;
    playhead_ = 0.0;
    edited();
    status_ = StatusText::of(text::kPathLoaded, pathText_);
}

void RecordLayer::startExport() {
    if (!save()) return;
    if (export_.start({"record", scene_.string(), "--path", pathText_, "-o", outputText_}))
        status_ = StatusText::of(text::kExportingTo, outputText_);
    else
        status_ = export_.running() ? StatusText::of(text::kExportRunning)
                                    : StatusText::of(text::kExportNotStarted, export_.startError());
}

bool RecordLayer::handleKey(ViewerApp& app, const KeyEvent& key) {
    if (key.key == GLFW_KEY_LEFT_CONTROL || key.key == GLFW_KEY_RIGHT_CONTROL) ctrl_ = key.down;
    if (!key.down) return false;
    const bool ctrl = ctrl_ || (key.mods & GLFW_MOD_CONTROL);
    if (ctrl) {
        if (key.key == GLFW_KEY_S) save();
        else if (key.key == GLFW_KEY_O) load();
        else if (key.key == GLFW_KEY_Z) undo();
        else return false;
        return true;
    }
    if (key.key == GLFW_KEY_K) addKey(app);
    else if (key.key == GLFW_KEY_SPACE) togglePlay(app);
    else if (key.key == GLFW_KEY_DELETE) deleteSelected();
    else return false;
    return true;
}

bool RecordLayer::handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) {
    if (uiCaptured) return false;  // Typing in the panel's fields.
    if (auto* k = std::get_if<KeyEvent>(&event)) return handleKey(app, *k);
    return false;
}

void RecordLayer::update(ViewerApp& app, double dt) {
    export_.poll();
    if (!playing_ || !path_) return;
    const double next = playhead_ + dt;
    if (next >= path_->endTime()) playing_ = false;
    scrubTo(app, next);
}

void RecordLayer::drawUi(ViewerApp& app) {
    drawPathInScene(app);
    drawPanel(app);
}

}  // namespace axis::viewer
