#include <catch2/catch.hpp>

#include "render/label_layout.h"

using namespace axis;

namespace {

Camera lookingNorth() {
    Camera c = Camera::fromHeading(glm::dvec3(0, 0, 1.6), 0.0, 0.0, 60.0);
    return c;
}

render::LabelInput label(const std::string& id, glm::dvec3 anchor, int priority = 0) {
    render::LabelInput in;
    in.id = id;
    in.anchor = anchor;
    in.size = {120.0f, 30.0f};
    in.priority = priority;
    return in;
}

bool overlap(const render::PlacedLabel& a, const render::PlacedLabel& b) {
    return a.boxMin.x < b.boxMax.x && b.boxMin.x < a.boxMax.x && a.boxMin.y < b.boxMax.y && b.boxMin.y < a.boxMax.y;
}

}  // namespace

TEST_CASE("labels project onto their anchors and never overlap", "[labels]") {
    std::vector<render::LabelInput> inputs;
    for (int i = 0; i < 30; ++i) inputs.push_back(label("p" + std::to_string(i), {(i % 6) - 2.5, 40.0 + i, 1.0 + (i % 5)}));
    auto layout = render::layoutLabels(inputs, lookingNorth(), {800, 600}, {});
    REQUIRE(layout.markers.size() == 30);  // Every anchor is in view and gets a marker.
    REQUIRE(!layout.labels.empty());
    CHECK(layout.labels.size() < 30);      // Crowded: some labels give way...
    for (size_t a = 0; a < layout.labels.size(); ++a)
        for (size_t b = a + 1; b < layout.labels.size(); ++b) CHECK_FALSE(overlap(layout.labels[a], layout.labels[b]));
    for (const auto& l : layout.labels) {    // ...and those shown stay inside the view.
        CHECK(l.boxMin.x >= 0);
        CHECK(l.boxMax.x <= 800);
    }
}

TEST_CASE("a label in the middle of the view sits beside its marker with a leader line", "[labels]") {
    auto layout = render::layoutLabels({label("gate", {0, 50, 1.6})}, lookingNorth(), {800, 600}, {});
    REQUIRE(layout.labels.size() == 1);
    const auto& l = layout.labels[0];
    CHECK(l.marker.x == Approx(400).margin(0.5));
    CHECK(l.marker.y == Approx(300).margin(0.5));
    CHECK(glm::length(l.leaderEnd - l.marker) == Approx(28.0f).margin(0.1));
}

TEST_CASE("priority wins a contested spot and occluded labels yield and dim", "[labels]") {
    // Two anchors at the same place: only one label fits in the preferred spot.
    std::vector<render::LabelInput> inputs = {label("low", {0, 50, 1.6}, 0), label("high", {0, 50.01, 1.6}, 5)};
    auto layout = render::layoutLabels(inputs, lookingNorth(), {800, 600}, {});
    REQUIRE(layout.labels.size() == 2);
    CHECK(layout.labels[0].input == 1);  // "high" placed first, in the natural up-right spot.
    CHECK(layout.labels[0].boxMin.x > 400);

    auto hidden = render::layoutLabels({label("behind-wall", {0, 50, 1.6})}, lookingNorth(), {800, 600},
                                       [](const glm::dvec3&, const glm::dvec3&) { return true; });
    REQUIRE(hidden.labels.size() == 1);
    CHECK(hidden.labels[0].occluded);
    CHECK(hidden.labels[0].alpha < 0.5f);
}

TEST_CASE("labels fade with distance and vanish behind the camera", "[labels]") {
    render::LabelSettings s;
    auto near = render::layoutLabels({label("near", {0, 50, 1.6})}, lookingNorth(), {800, 600}, {}, s);
    auto mid = render::layoutLabels({label("mid", {0, 400, 1.6})}, lookingNorth(), {800, 600}, {}, s);
    auto far = render::layoutLabels({label("far", {0, 5000, 1.6})}, lookingNorth(), {800, 600}, {}, s);
    auto behind = render::layoutLabels({label("behind", {0, -50, 1.6})}, lookingNorth(), {800, 600}, {}, s);
    REQUIRE(near.labels.size() == 1);
    REQUIRE(mid.labels.size() == 1);
    CHECK(near.labels[0].alpha == Approx(1.0f));
    CHECK(mid.labels[0].alpha < 1.0f);
    CHECK(mid.labels[0].alpha > 0.0f);
    CHECK(far.labels.empty());
    CHECK(behind.markers.empty());
}
