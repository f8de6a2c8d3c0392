#include "recipe.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "layout.h"
#include "poi/poi.h"

namespace demo {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

// Where a value is: the file (as the generator was given it) and a JSON path inside it, so that an
// error reads "assets/demo-site/site.json: landmarks[3].builder: ...".
struct Where {
    std::string file;
    std::string path;

    Where operator[](const std::string& key) const { return {file, path.empty() ? key : path + "." + key}; }
    Where operator[](std::size_t index) const { return {file, path + "[" + std::to_string(index) + "]"}; }
    [[noreturn]] void fail(const std::string& problem) const {
        throw RecipeError(file + ": " + (path.empty() ? "" : path + ": ") + problem);
    }
};

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RecipeError(path.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Json readJson(const fs::path& path) {
    const std::string text = readText(path);
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        // what() starts with "[json.exception.parse_error.101] ": the rest is the useful part.
        std::string what = e.what();
        const auto end = what.find("] ");
        if (what.starts_with("[") && end != std::string::npos) what = what.substr(end + 2);
        throw RecipeError(path.string() + ": malformed JSON: " + what);
    }
}

const Json& member(const Json& object, const std::string& key, const Where& where) {
    if (!object.is_object()) where.fail("must be an object");
    const auto it = object.find(key);
    if (it == object.end()) where[key].fail("missing");
    return *it;
}

const Json* optionalMember(const Json& object, const std::string& key, const Where& where) {
    if (!object.is_object()) where.fail("must be an object");
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const Json& array(const Json& value, const Where& where) {
    if (!value.is_array()) where.fail("must be an array");
    return value;
}

double number(const Json& value, const Where& where) {
    if (!value.is_number()) where.fail("must be a number");
    const double v = value.get<double>();
    if (!std::isfinite(v)) where.fail("must be finite");
    return v;
}

std::string text(const Json& value, const Where& where) {
    if (!value.is_string()) where.fail("must be a string");
    return value.get<std::string>();
}

std::string nonEmptyText(const Json& value, const Where& where) {
    std::string s = text(value, where);
    if (s.empty()) where.fail("must not be empty");
    return s;
}

glm::dvec3 vec3(const Json& value, const Where& where) {
    if (!value.is_array() || value.size() != 3) where.fail("must be an array of 3 numbers");
    return {number(value[0], where[0]), number(value[1], where[1]), number(value[2], where[2])};
}

std::vector<std::string> texts(const Json& value, const Where& where) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array(value, where).size(); ++i) out.push_back(nonEmptyText(value[i], where[i]));
    return out;
}

axis::LangText langText(const Json& value, const std::vector<std::string>& languages, const Where& where) {
    if (!value.is_object()) where.fail("must be an object of texts by language");
    axis::LangText out;
    for (const auto& [lang, v] : value.items()) out[lang] = text(v, where[lang]);
    for (const auto& lang : languages)
        if (!out.contains(lang) || out[lang].empty())
            where[lang].fail("missing (every language of site.json's \"languages\" is needed)");
    return out;
}

axis::Viewpoint viewpoint(const Json& value, const Where& where) {
    axis::Viewpoint v;
    v.position = vec3(member(value, "position", where), where["position"]);
    v.yaw = number(member(value, "yaw", where), where["yaw"]);
    v.pitch = number(member(value, "pitch", where), where["pitch"]);
    v.fov = number(member(value, "fov", where), where["fov"]);
    if (v.pitch < -90 || v.pitch > 90) where["pitch"].fail("must be within [-90, 90]");
    if (v.fov <= 0 || v.fov >= 180) where["fov"].fail("must be within (0, 180)");
    return v;
}

Landmark landmark(const Json& value, const Where& where) {
    Landmark l;
    l.id = nonEmptyText(member(value, "id", where), where["id"]);
    l.builder = nonEmptyText(member(value, "builder", where), where["builder"]);
    const auto names = builderNames();
    if (std::find(names.begin(), names.end(), l.builder) == names.end()) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        where["builder"].fail("no geometry builder named \"" + l.builder + "\" (there are: " + known + ")");
    }
    if (const Json* r = optionalMember(value, "rotation", where)) l.rotationDeg = vec3(*r, where["rotation"]);
    const Json* district = optionalMember(value, "district", where);
    const Json* position = optionalMember(value, "position", where);
    if (l.builder == "hutong") {
        // A neighbourhood is given by its extent, which the ground's lanes pave too; it stands at its centre.
        if (!district)
            where["district"].fail("missing (a hutong fills a district: {\"x\": [x0, x1], \"y\": [y0, y1]})");
        if (position) where["position"].fail("a hutong stands at its district's centre: give \"district\" alone");
        const Where w = where["district"];
        const Json& xs = member(*district, "x", w);
        const Json& ys = member(*district, "y", w);
        if (!xs.is_array() || xs.size() != 2) w["x"].fail("must be [x0, x1]");
        if (!ys.is_array() || ys.size() != 2) w["y"].fail("must be [y0, y1]");
        const Rect d{number(xs[0], w["x"][0]), number(xs[1], w["x"][1]), number(ys[0], w["y"][0]),
                     number(ys[1], w["y"][1])};
        if (!(d.x0 < d.x1) || !(d.y0 < d.y1)) w.fail("must run from the smaller to the larger coordinate");
        l.district = d;
        l.position = {(d.x0 + d.x1) / 2, (d.y0 + d.y1) / 2, 0};
        const Json& seed = member(value, "seed", where);
        if (!seed.is_number_unsigned()) where["seed"].fail("must be a whole number >= 0");
        l.seed = seed.get<unsigned>();
    } else {
        if (district) where["district"].fail("only a \"hutong\" has a district");
        if (!position) where["position"].fail("missing");
        l.position = vec3(*position, where["position"]);
    }
    return l;
}

void readSite(Recipe& r, const fs::path& path) {
    const Json doc = readJson(path);
    const Where where{path.string(), ""};
    r.languages = texts(member(doc, "languages", where), where["languages"]);
    if (r.languages.empty()) where["languages"].fail("must name at least one language");
    r.name = langText(member(doc, "name", where), r.languages, where["name"]);
    r.description = langText(member(doc, "description", where), r.languages, where["description"]);
    const Where o = where["origin"];
    const Json& origin = member(doc, "origin", where);
    r.origin = {number(member(origin, "lat", o), o["lat"]), number(member(origin, "lon", o), o["lon"]),
                number(member(origin, "height", o), o["height"])};
    r.start = viewpoint(member(doc, "start", where), where["start"]);
    r.overview = viewpoint(member(doc, "overview", where), where["overview"]);
    r.created = text(member(doc, "created", where), where["created"]);
    if (!axis::isIsoTimestamp(r.created)) where["created"].fail("must be an ISO-8601 date or date-time");

    const Where k = where["kiosk"];
    const Json& kiosk = member(doc, "kiosk", where);
    r.kiosk.idleSeconds = number(member(kiosk, "idle_seconds", k), k["idle_seconds"]);
    if (r.kiosk.idleSeconds <= 0) k["idle_seconds"].fail("must be positive");
    r.kiosk.languages = texts(member(kiosk, "languages", k), k["languages"]);
    for (std::size_t i = 0; i < r.kiosk.languages.size(); ++i)
        if (std::find(r.languages.begin(), r.languages.end(), r.kiosk.languages[i]) == r.languages.end())
            k["languages"][i].fail("\"" + r.kiosk.languages[i] + "\" is not one of the site's \"languages\"");
    r.kiosk.attractTour = text(member(kiosk, "attract_tour", k), k["attract_tour"]);
    r.kiosk.exitPin = text(member(kiosk, "exit_pin", k), k["exit_pin"]);
    if (!std::all_of(r.kiosk.exitPin.begin(), r.kiosk.exitPin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        k["exit_pin"].fail("must be digits");
    if (kiosk.contains("screen_inches")) {  // Optional: the kiosk's layout falls back to the monitor's size.
        r.kiosk.screenInches = number(kiosk["screen_inches"], k["screen_inches"]);
        if (r.kiosk.screenInches < 5.0 || r.kiosk.screenInches > 500.0)
            k["screen_inches"].fail("must be the screen's diagonal in inches, 5 to 500");
    }

    const Json& landmarks = array(member(doc, "landmarks", where), where["landmarks"]);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < landmarks.size(); ++i) {
        r.landmarks.push_back(landmark(landmarks[i], where["landmarks"][i]));
        if (!ids.insert(r.landmarks.back().id).second)
            where["landmarks"][i]["id"].fail("\"" + r.landmarks.back().id + "\" is used twice");
    }
}

void readTags(Recipe& r, const fs::path& path) {
    const Json doc = readJson(path);
    const Where where{path.string(), ""};
    const Json& tags = member(doc, "tags", where);
    if (!tags.is_object()) where["tags"].fail("must be an object of translations by tag");
    for (const auto& [tag, names] : tags.items())
        r.tags.emplace_back(tag, langText(names, r.languages, where["tags"][tag]));
}

// "---\ntitle: ...\n---\n\nBody" (the front matter's lines are "key: value"; a value in double
// quotes is read as a JSON string). The body is the Markdown as written, without the blank lines
// around it.
void readStory(PoiRecipe& poi, const std::string& lang, const fs::path& path) {
    std::string s = readText(path);
    if (s.starts_with("\xEF\xBB\xBF")) s.erase(0, 3);  // a byte-order mark some editors write
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    const Where where{path.string(), ""};
    if (!s.starts_with("---\n")) where.fail("must begin with a front matter: a line \"---\", \"title: ...\", \"---\"");
    const auto end = s.find("\n---\n", 3);
    const auto endAtEof = s.ends_with("\n---") ? s.size() - 3 : std::string::npos;
    const auto close = end != std::string::npos ? end : endAtEof;
    if (close == std::string::npos) where.fail("its front matter has no closing \"---\" line");
    std::istringstream front(s.substr(4, close + 1 - 4));
    std::string title;
    bool hasTitle = false;
    for (std::string line; std::getline(front, line);) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) where.fail("front matter line \"" + line + "\" is not \"key: value\"");
        const std::string key = line.substr(0, colon);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t") + 1);
        if (key != "title") where.fail("unknown front matter key \"" + key + "\" (a story has only \"title\")");
        if (value.starts_with("\"")) {
            try {
                value = Json::parse(value).get<std::string>();
            } catch (const Json::exception&) {
                where["title"].fail("a quoted title must be one JSON string");
            }
        }
        title = value;
        hasTitle = true;
    }
    if (!hasTitle || title.empty()) where.fail("no title (the front matter needs \"title: ...\")");
    std::string body = close + 4 < s.size() ? s.substr(close + 4) : std::string();
    const auto first = body.find_first_not_of(" \t\n");
    if (first == std::string::npos) where.fail("the story has no text after its front matter");
    body = body.substr(first);
    body.erase(body.find_last_not_of(" \t\n") + 1);
    poi.title[lang] = title;
    poi.body[lang] = body;
}

void readPois(Recipe& r, const fs::path& path) {
    const Json doc = readJson(path);
    const Where where{path.string(), ""};
    const Json& pois = array(member(doc, "pois", where), where["pois"]);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < pois.size(); ++i) {
        const Where w = where["pois"][i];
        const Json& v = pois[i];
        PoiRecipe p;
        p.id = nonEmptyText(member(v, "id", w), w["id"]);
        if (!ids.insert(p.id).second) w["id"].fail("\"" + p.id + "\" is used twice");
        p.model = nonEmptyText(member(v, "model", w), w["model"]);
        if (!r.findLandmark(p.model)) w["model"].fail("no landmark \"" + p.model + "\" in site.json");
        p.anchor = vec3(member(v, "anchor", w), w["anchor"]);
        p.normal = vec3(member(v, "normal", w), w["normal"]);
        if (glm::length(p.normal) == 0) w["normal"].fail("must not be zero");
        p.eye = vec3(member(v, "eye", w), w["eye"]);
        p.target = vec3(member(v, "target", w), w["target"]);
        if (p.eye == p.target) w["target"].fail("must differ from \"eye\"");
        p.tags = texts(member(v, "tags", w), w["tags"]);
        for (std::size_t t = 0; t < p.tags.size(); ++t)
            if (std::none_of(r.tags.begin(), r.tags.end(), [&](const auto& tag) { return tag.first == p.tags[t]; }))
                w["tags"][t].fail("no tag \"" + p.tags[t] + "\" in tags.json");
        for (const auto& lang : r.languages) {
            const fs::path story = r.folder / "stories" / (p.id + "." + lang + ".md");
            if (!fs::is_regular_file(story))
                w.fail("no story in " + story.string() + " (each POI needs one per language)");
            readStory(p, lang, story);
        }
        r.pois.push_back(std::move(p));
    }
    // A story whose name matches no POI is most likely a misspelt id: its text would silently vanish.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(r.folder / "stories", ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".md")) continue;
        const std::string stem = name.substr(0, name.size() - 3);  // "ID.LANG"
        const auto dot = stem.rfind('.');
        const std::string id = dot == std::string::npos ? stem : stem.substr(0, dot);
        const std::string lang = dot == std::string::npos ? "" : stem.substr(dot + 1);
        if (!ids.contains(id)) throw RecipeError(entry.path().string() + ": no POI \"" + id + "\" in " + path.string());
        if (std::find(r.languages.begin(), r.languages.end(), lang) == r.languages.end())
            throw RecipeError(entry.path().string() + ": \"" + lang + "\" is not one of site.json's \"languages\"");
    }
}

void readTours(Recipe& r, const fs::path& path) {
    const Json doc = readJson(path);
    const Where where{path.string(), ""};
    const Json& tours = array(member(doc, "tours", where), where["tours"]);
    for (std::size_t i = 0; i < tours.size(); ++i) {
        const Where w = where["tours"][i];
        axis::Tour t;
        t.id = nonEmptyText(member(tours[i], "id", w), w["id"]);
        t.name = langText(member(tours[i], "name", w), r.languages, w["name"]);
        const Json& stops = array(member(tours[i], "stops", w), w["stops"]);
        for (std::size_t s = 0; s < stops.size(); ++s) {
            const Where ws = w["stops"][s];
            axis::TourStop stop;
            stop.poi = nonEmptyText(member(stops[s], "poi", ws), ws["poi"]);
            if (std::none_of(r.pois.begin(), r.pois.end(), [&](const PoiRecipe& p) { return p.id == stop.poi; }))
                ws["poi"].fail("no POI \"" + stop.poi + "\" in pois.json");
            stop.dwell = number(member(stops[s], "dwell", ws), ws["dwell"]);
            if (stop.dwell < 0) ws["dwell"].fail("must be 0 or more seconds");
            t.stops.push_back(stop);
        }
        r.tours.push_back(std::move(t));
    }
    if (!r.kiosk.attractTour.empty() &&
        std::none_of(r.tours.begin(), r.tours.end(), [&](const axis::Tour& t) { return t.id == r.kiosk.attractTour; }))
        throw RecipeError((r.folder / "site.json").string() + ": kiosk.attract_tour: no tour \"" + r.kiosk.attractTour +
                          "\" in " + path.string());
}

glm::dmat3 rotation(const glm::dvec3& degrees) {
    const glm::dmat4 m = glm::rotate(glm::dmat4(1.0), glm::radians(degrees.z), {0, 0, 1}) *
                         glm::rotate(glm::dmat4(1.0), glm::radians(degrees.y), {0, 1, 0}) *
                         glm::rotate(glm::dmat4(1.0), glm::radians(degrees.x), {1, 0, 0});
    return glm::dmat3(m);
}

}  // namespace

// Unrotated landmarks skip the matrix so that their points are exactly position + offset.
glm::dvec3 Landmark::toSite(const glm::dvec3& offset) const {
    return position + (rotationDeg == glm::dvec3(0.0) ? offset : rotation(rotationDeg) * offset);
}

glm::dvec3 Landmark::directionToSite(const glm::dvec3& direction) const {
    return rotationDeg == glm::dvec3(0.0) ? direction : rotation(rotationDeg) * direction;
}

const Landmark* Recipe::findLandmark(const std::string& id) const {
    for (const auto& l : landmarks)
        if (l.id == id) return &l;
    return nullptr;
}

const Landmark& Recipe::requireLandmark(const std::string& id) const {
    if (const Landmark* l = findLandmark(id)) return *l;
    throw RecipeError((folder / "site.json").string() + ": landmarks: no \"" + id +
                      "\", which the ground's paving is laid around");
}

Recipe loadRecipe(const fs::path& folder) {
    Recipe r;
    r.folder = folder;
    // In this order: languages come first (site.json), tags before the POIs that use them, POIs
    // before the tours that visit them.
    readSite(r, folder / "site.json");
    readTags(r, folder / "tags.json");
    readPois(r, folder / "pois.json");
    readTours(r, folder / "tour.json");
    return r;
}

}  // namespace demo
