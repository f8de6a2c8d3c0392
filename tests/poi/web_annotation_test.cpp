// W3C Web Annotation export and import.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "poi/web_annotation.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
bool anyContains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const auto& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("Web Annotation export has the W3C shape", "[poi][annotation]") {
    PoiFile file = test::sampleFile(1);
    const json doc = json::parse(toWebAnnotation(file, {.label = "Central Axis"}));
    CHECK(doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld");
    CHECK(doc["type"] == "AnnotationCollection");
    CHECK(doc["total"] == 1);
    const json& a = doc["first"]["items"][0];
    CHECK(a["@context"][0] == "http://www.w3.org/ns/anno.jsonld");
    CHECK(a["type"] == "Annotation");
    CHECK(a["id"] == "urn:axisview:pois:poi-0");
    CHECK(a["motivation"] == "describing");
    CHECK(a["created"] == "2024-07-27");
    const json& title = a["body"][0];
    CHECK(title == json{{"type", "TextualBody"}, {"purpose", "identifying"}, {"language", "en"},
                        {"format", "text/plain"}, {"value", "Meridian Gate 0 v0"}});
    CHECK(a["body"][2]["format"] == "text/markdown");
    CHECK(a["body"][4] == json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "gate"}});
    CHECK(a["body"][6]["type"] == "Image");
    CHECK(a["body"][6]["format"] == "image/jpeg");
    const json& sel = a["target"]["selector"];
    CHECK(a["target"]["source"] == "urn:axisview:site#model=model-0");
    CHECK(sel["type"] == "PointSelector");
    CHECK(sel["conformsTo"] == kPointSelectorSpec);
    CHECK(sel["y"] == 4632.125);
    CHECK(sel["normal"] == json::array({0.0, -1.0, 0.0}));
}

TEST_CASE("Export then import gives back every POI field", "[poi][annotation]") {
    PoiFile file = test::sampleFile(5);
    file.pois[1].id = "odd id/with:chars#and%";
    file.pois[1].anchor.model = "model with space#";
    file.pois[2].anchor.model.clear();
    file.pois[2].viewpoint.reset();
    file.pois[2].media.clear();
    file.pois[2].tags.clear();
    file.pois[2].created.clear();
    file.pois[2].extra.clear();
    file.pois[3].anchor.position = {1e6 + 0.001, -3.141592653589793, 1e-9};
    file.pois[3].anchor.normal = glm::normalize(glm::dvec3(1, 2, 3));
    file.pois[4].title = {{"ja", "午門"}};
    const fs::path dir = test::scratchDir("poi_annotation_round_trip");
    for (const char* collection : {"urn:axisview:pois", "https://museum.example/annos/central-axis"}) {
        INFO(collection);
        REQUIRE(exportWebAnnotation(file, dir / "a.jsonld", {.collectionId = collection}).ok());
        auto back = importWebAnnotation(dir / "a.jsonld");
        REQUIRE(back.ok());
        CHECK(back->problems.empty());
        REQUIRE(back->pois.size() == file.pois.size());
        for (std::size_t i = 0; i < file.pois.size(); ++i) {
            const Poi& a = file.pois[i];
            const Poi& b = back->pois[i];
            INFO(a.id);
            CHECK(b.id == a.id);
            CHECK(b.anchor.model == a.anchor.model);
            CHECK(b.anchor.position == a.anchor.position);
            CHECK(b.anchor.normal == a.anchor.normal);
            CHECK(b.title == a.title);
            CHECK(b.body == a.body);
            CHECK(b.media == a.media);
            CHECK(b.viewpoint == a.viewpoint);
            CHECK(b.tags == a.tags);
            CHECK(b.created == a.created);
            CHECK(b.modified == a.modified);
            CHECK(b.extra == a.extra);
            CHECK(b == a);
        }
        CHECK(back->retiredIds == file.retiredIds);
        CHECK(back->extra == file.extra);
    }
}

TEST_CASE("Web Annotation import reports malformed input with file and JSON path", "[poi][annotation]") {
    const fs::path shown = "in.jsonld";
    auto notJson = fromWebAnnotation("{\"@context\": [,]}", shown);
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().message.find("in.jsonld: line 1, column 15: malformed JSON") != std::string::npos);
    auto noContext = fromWebAnnotation(R"({"type": "AnnotationCollection"})", shown);
    REQUIRE_FALSE(noContext.ok());
    CHECK(noContext.error().message == "in.jsonld: @context: expected \"http://www.w3.org/ns/anno.jsonld\"; not a Web Annotation document");
    auto linked = fromWebAnnotation(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "https://x/page1"})", shown);
    REQUIRE_FALSE(linked.ok());
    CHECK(linked.error().message.find("linked pages are not fetched") != std::string::npos);

    auto some = fromWebAnnotation(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
      {"type": "Annotation", "id": "urn:x:good", "target": {"source": "s", "selector": {"type": "PointSelector", "x": 1, "y": 2, "z": 3}},
       "body": {"type": "TextualBody", "value": "plain"}},
      {"type": "Annotation", "id": "urn:x:nox", "target": {"source": "s", "selector": {"type": "PointSelector", "y": 2, "z": 3}}},
      {"type": "Annotation", "id": "urn:x:text", "target": {"source": "s", "selector": {"type": "FragmentSelector", "value": "xywh=1,2,3,4"}}},
      {"type": "Annotation", "id": "urn:x:body", "body": [{"type": "TextualBody", "value": 7}], "target": {"source": "s"}},
      {"type": "Annotation", "id": "urn:x:good", "target": {"source": "s", "selector": {"type": "PointSelector", "x": 1, "y": 2, "z": 3}}},
      {"type": "Annotation", "id": "urn:x:when", "created": "yesterday", "target": {"source": "s"}},
      {"type": "Thing"}
    ]})", shown);
    REQUIRE(some.ok());
    REQUIRE(some->pois.size() == 1);
    CHECK(some->pois[0].id == "good");
    CHECK(some->pois[0].body == LangText{{"", "plain"}});
    CHECK(some->pois[0].anchor.normal == glm::dvec3(0, 0, 1));
    const auto& p = some->problems;
    CHECK(p.size() == 6);
    CHECK(anyContains(p, "in.jsonld: items[1].target.selector.x: missing"));
    CHECK(anyContains(p, "in.jsonld: items[2].target.selector: expected a PointSelector"));
    CHECK(anyContains(p, "in.jsonld: items[3].body[0].value: expected a string"));
    CHECK(anyContains(p, "in.jsonld: items[4].id: duplicate POI id \"good\""));
    CHECK(anyContains(p, "in.jsonld: items[5].created: expected an ISO-8601 date-time"));
    CHECK(anyContains(p, "in.jsonld: items[6].type: expected \"Annotation\""));

    auto single = fromWebAnnotation(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "a",
      "target": {"source": "urn:s#model=m", "selector": [{"type": "FragmentSelector"}, {"type": "PointSelector", "x": 1, "y": 2, "z": "3"}]}})", shown);
    REQUIRE_FALSE(single.ok());
    CHECK(single.error().message == "in.jsonld: target.selector[1].z: expected a finite number");
}
