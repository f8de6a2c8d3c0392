// Captions for burnt-in labels: which stretches of a path rest at a POI's viewpoint.
#include <catch2/catch.hpp>

#include "record/label_overlay.h"
#include "record/tour_path.h"

using namespace axis;

TEST_CASE("a tour's dwells become captions of their POIs, moves get none", "[record][labels]") {
    PoiFile pois;
    for (int i = 0; i < 3; ++i) {
        Poi p;
        p.id = "p" + std::to_string(i);
        p.title = {{"zh", "地点"}, {"en", "Place"}};
        if (i != 1) p.viewpoint = Viewpoint{glm::dvec3(0, 100.0 * i, 1.6), 0.0, 0.0, 60.0};
        pois.pois.push_back(p);
    }
    auto file = record::pathFromStops({{*pois.pois[0].viewpoint, 4.0}, {*pois.pois[2].viewpoint, 5.0}});
    auto captions = record::captionsOf(file.keys, pois);
    REQUIRE(captions.size() == 2);
    CHECK(captions[0].poi == 0);
    CHECK(captions[0].end - captions[0].start == Approx(4.0));
    CHECK(captions[1].poi == 2);
    CHECK(captions[1].end - captions[1].start == Approx(5.0));
    CHECK(captions[1].start > captions[0].end);  // The move between them has no caption.
}

TEST_CASE("a caption shows the body's first paragraph", "[record][labels]") {
    CHECK(record::firstParagraph("One.\nStill one.\n\nTwo.") == "One.\nStill one.");
    CHECK(record::firstParagraph("\n\nOnly.") == "Only.");
    CHECK(record::firstParagraph("") == "");
}
