#include "poi/poi_document.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/file_io.h"
#include "poi/poi_ids.h"
#include "poi/recovery.h"

namespace axis {
namespace fs = std::filesystem;

std::string utcTimestamp() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

PoiDocument::PoiDocument(PoiFile file, PoiDocumentOptions options)
    : file_(std::move(file)), options_(std::move(options)), history_(options_.historyLimit) {}

Expected<PoiDocument> PoiDocument::open(const fs::path& path, PoiDocumentOptions options) {
    auto file = loadPois(path);
    if (!file) return file.error();
    return PoiDocument(std::move(*file), std::move(options));
}

Expected<PoiDocument> PoiDocument::openRecovered(const fs::path& path, PoiDocumentOptions options) {
    auto file = loadRecovery(path);
    if (!file) return file.error();
    PoiDocument doc(std::move(*file), std::move(options));
    doc.recovered_ = true;
    doc.autosaveWritten_ = true;  // The autosave already holds this state.
    return doc;
}

std::string PoiDocument::now() const { return options_.clock ? options_.clock() : utcTimestamp(); }

bool PoiDocument::applyEdit(const std::string& id, const std::string& label, const std::string& mergeKey,
                            const std::function<void(Poi&)>& change) {
    const std::ptrdiff_t found = file_.indexOf(id);
    if (found < 0) return false;
    const auto i = static_cast<std::size_t>(found);
    Poi edited = file_.pois[i];
    change(edited);
    if (edited == file_.pois[i]) return false;
    edited.modified = now();
    history_.apply(file_, EditStep{label, mergeKey, {file_.pois[i], i}, {std::move(edited), i}});
    return true;
}

std::string PoiDocument::addPoi(Poi poi, std::optional<std::size_t> index) {
    if (!isFreePoiId(file_, poi.id)) {
        const auto en = poi.title.find("en");
        const std::string title = en != poi.title.end() ? en->second
                                  : poi.title.empty()   ? std::string()
                                                        : poi.title.begin()->second;
        poi.id = makePoiId(file_, title);
    }
    const std::string stamp = now();
    if (poi.created.empty()) poi.created = stamp;
    poi.modified = stamp;
    const std::size_t at = std::min(index.value_or(file_.pois.size()), file_.pois.size());
    std::string id = poi.id;
    history_.apply(file_, EditStep{"add " + id, {}, {std::nullopt, at}, {std::move(poi), at}});
    return id;
}

void PoiDocument::applyMeasurements(const std::string& label, const std::string& mergeKey,
                                    std::vector<Measurement> after) {
    EditStep step{label, mergeKey, {}, {}};
    step.measurementsBefore = file_.measurements;
    step.measurementsAfter = std::move(after);
    history_.apply(file_, std::move(step));
}

bool PoiDocument::applyMeasurementEdit(const std::string& id, const std::string& label, const std::string& mergeKey,
                                       const std::function<void(Measurement&)>& change) {
    std::vector<Measurement> after = file_.measurements;
    auto it = std::find_if(after.begin(), after.end(), [&](const Measurement& m) { return m.id == id; });
    if (it == after.end()) return false;
    const Measurement before = *it;
    change(*it);
    if (*it == before || !measurementProblem(*it).empty()) return false;
    it->modified = now();
    applyMeasurements(label, mergeKey, std::move(after));
    return true;
}

std::string PoiDocument::addMeasurement(Measurement m) {
    if (!isFreePoiId(file_, m.id))
        for (std::size_t n = 1; !isFreePoiId(file_, m.id = "measure-" + std::to_string(n)); ++n) {}
    if (!measurementProblem(m).empty()) return {};
    const std::string stamp = now();
    if (m.created.empty()) m.created = stamp;
    m.modified = stamp;
    std::string id = m.id;
    std::vector<Measurement> after = file_.measurements;
    after.push_back(std::move(m));
    applyMeasurements("add " + id, {}, std::move(after));
    return id;
}

bool PoiDocument::setMeasurementPoints(const std::string& id, std::vector<glm::dvec3> points) {
    return applyMeasurementEdit(id, "move points of " + id, {}, [&](Measurement& m) { m.points = std::move(points); });
}

bool PoiDocument::setMeasurementTitle(const std::string& id, const std::string& lang, const std::string& text) {
    return applyMeasurementEdit(id, "edit title (" + lang + ")", "measurement-title:" + id + ":" + lang,
                                [&](Measurement& m) {
                                    if (text.empty())
                                        m.title.erase(lang);
                                    else
                                        m.title[lang] = text;
                                });
}

bool PoiDocument::deleteMeasurement(const std::string& id) {
    std::vector<Measurement> after = file_.measurements;
    const auto removed = std::erase_if(after, [&](const Measurement& m) { return m.id == id; });
    if (removed == 0) return false;
    applyMeasurements("delete " + id, {}, std::move(after));
    return true;
}

bool PoiDocument::deletePoi(const std::string& id) {
    const std::ptrdiff_t found = file_.indexOf(id);
    if (found < 0) return false;
    const auto i = static_cast<std::size_t>(found);
    history_.apply(file_, EditStep{"delete " + id, {}, {file_.pois[i], i}, {std::nullopt, i}, true});
    return true;
}

bool PoiDocument::moveAnchor(const std::string& id, const PoiAnchor& anchor) {
    PoiAnchor a = anchor;
    const double len = glm::length(a.normal);
    if (!std::isfinite(len) || len < 1e-12 || !std::isfinite(glm::length(a.position))) return false;
    a.normal /= len;
    return applyEdit(id, "move " + id, {}, [&](Poi& p) { p.anchor = a; });
}

namespace {
void setLanguage(LangText& text, const std::string& lang, const std::string& value) {
    if (value.empty()) text.erase(lang);
    else text[lang] = value;
}
}  // namespace

bool PoiDocument::setTitle(const std::string& id, const std::string& lang, const std::string& text) {
    return applyEdit(id, "edit title (" + lang + ")", "title\n" + id + "\n" + lang,
                     [&](Poi& p) { setLanguage(p.title, lang, text); });
}

bool PoiDocument::setBody(const std::string& id, const std::string& lang, const std::string& text) {
    return applyEdit(id, "edit text (" + lang + ")", "body\n" + id + "\n" + lang,
                     [&](Poi& p) { setLanguage(p.body, lang, text); });
}

bool PoiDocument::setTags(const std::string& id, std::vector<std::string> tags) {
    return applyEdit(id, "edit tags", {}, [&](Poi& p) { p.tags = std::move(tags); });
}

bool PoiDocument::setViewpoint(const std::string& id, std::optional<Viewpoint> viewpoint) {
    return applyEdit(id, "set viewpoint", {}, [&](Poi& p) { p.viewpoint = viewpoint; });
}

bool PoiDocument::setMedia(const std::string& id, std::vector<PoiMedia> media) {
    return applyEdit(id, "edit media", {}, [&](Poi& p) { p.media = std::move(media); });
}

bool PoiDocument::replacePoi(const Poi& poi) {
    return applyEdit(poi.id, "edit " + poi.id, {}, [&](Poi& p) { p = poi; });
}

PoiImportReport PoiDocument::importPois(const PoiFile& incoming, PoiImportMode mode) {
    PoiImportResult result = axis::importPois(file_, incoming, mode);
    if (result.pois == file_.pois && result.retiredIds == file_.retiredIds && result.measurements == file_.measurements)
        return std::move(result.report);
    EditStep step{mode == PoiImportMode::Merge ? "import (merge)" : "import (replace)", {}, {}, {}};
    step.listBefore = PoiListState{file_.pois, file_.retiredIds};
    step.listAfter = PoiListState{std::move(result.pois), std::move(result.retiredIds)};
    step.measurementsBefore = file_.measurements;
    step.measurementsAfter = std::move(result.measurements);
    history_.apply(file_, std::move(step));
    return std::move(result.report);
}

bool PoiDocument::movePoi(const std::string& id, std::size_t newIndex) {
    const std::ptrdiff_t found = file_.indexOf(id);
    if (found < 0) return false;
    const auto i = static_cast<std::size_t>(found);
    const std::size_t to = std::min(newIndex, file_.pois.size() - 1);
    if (to == i) return false;
    const Poi& p = file_.pois[i];
    history_.apply(file_, EditStep{"reorder " + id, {}, {p, i}, {p, to}});
    return true;
}

Status PoiDocument::save() {
    if (file_.file.empty()) return makeError("", "the POI file has no name yet; use Save As");
    return saveAs(file_.file);
}

Status PoiDocument::saveAs(const fs::path& path) {
    if (Status s = savePois(file_, path); !s) return s;
    const fs::path old = file_.file;
    file_.file = fs::absolute(path);
    history_.markSaved();
    recovered_ = false;
    if (autosaveWritten_ && !old.empty()) (void)discardRecovery(old);
    (void)discardRecovery(file_.file);
    autosaveWritten_ = false;
    autosavedRevision_ = history_.revision();
    autosaveDue_.reset();
    return Ok{};
}

Status PoiDocument::autosaveNow() {
    if (file_.file.empty()) return makeError("", "the POI file has no name yet; nothing to autosave beside");
    autosaveDue_.reset();
    Status s = saveFileAtomic(autosavePathFor(file_.file), toJson(file_), /*keepBackup=*/false);
    if (!s) {
        autosaveError_ = s.error().message;
        return s;
    }
    autosaveError_.clear();
    autosaveWritten_ = true;
    autosavedRevision_ = history_.revision();
    return Ok{};
}

void PoiDocument::tick(Clock::time_point now) {
    if (file_.file.empty()) return;
    if (!dirty()) {
        if (autosaveWritten_ && discardRecovery(file_.file)) autosaveWritten_ = false;
        autosavedRevision_ = history_.revision();
        autosaveDue_.reset();
        return;
    }
    if (history_.revision() == autosavedRevision_) return;
    if (!autosaveDue_) autosaveDue_ = now + options_.autosaveInterval;
    if (now >= *autosaveDue_) (void)autosaveNow();
}

}  // namespace axis
