// Multi-touch from XInput 2.2 as the viewer decodes it: recorded event sequences (the format
// `axisview view --record-touch` writes, viewer/touch/touch_record.h) through the decoder, the
// gesture tracker and the UI's finger routing.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "support/test_support.h"
#include "viewer/gestures.h"
#include "viewer/touch/touch_decoder.h"
#include "viewer/touch/touch_record.h"
#include "viewer/touch/touch_ui.h"

using namespace axis;
using namespace axis::viewer;
using namespace axis::viewer::touch;
namespace fs = std::filesystem;

namespace {

fs::path recording(const std::string& name) { return fs::path(AXIS_TOUCH_RECORDINGS) / name; }

// A recording replayed as the window does: decoded to fingers, then into the gesture tracker at
// the time each event arrived.
std::vector<Gesture> replay(const std::string& name) {
    auto records = readTouchRecording(recording(name));
    REQUIRE(records.ok());
    TouchDecoder decoder;
    GestureTracker tracker;
    std::vector<Gesture> gestures;
    for (const TouchRecord& r : *records)
        if (auto finger = decoder.decode(r))
            for (const Gesture& g : tracker.feed(*finger, r.time)) gestures.push_back(g);
    CHECK(decoder.fingersDown() == 0);
    return gestures;
}

std::size_t count(const std::vector<Gesture>& gestures, Gesture::Kind kind) {
    return std::size_t(std::count_if(gestures.begin(), gestures.end(), [&](const Gesture& g) { return g.kind == kind; }));
}

}  // namespace

TEST_CASE("A recorded two-finger pinch zooms by the fingers' spread and pans by their midpoint", "[touch]") {
    const auto gestures = replay("pinch_pan.touch");
    double zoom = 1.0;
    for (const Gesture& g : gestures)
        if (g.kind == Gesture::Pinch) {
            CHECK(g.twoFingers);
            zoom *= g.scale;
        }
    CHECK(zoom == Approx(280.0 / 80.0).epsilon(1e-9));  // Spread 80 px -> 280 px.
    // The two-finger drag runs from the midpoint where the second finger landed to where both were
    // last together: 20 px to the right.
    const auto begin = std::find_if(gestures.begin(), gestures.end(),
                                    [](const Gesture& g) { return g.kind == Gesture::DragBegin && g.twoFingers; });
    REQUIRE(begin != gestures.end());
    CHECK(begin->position.x == Approx(640.0));
    const auto last = std::find_if(gestures.rbegin(), gestures.rend(),
                                   [](const Gesture& g) { return g.kind == Gesture::Drag && g.twoFingers; });
    REQUIRE(last != gestures.rend());
    CHECK(last->position.x == Approx(660.0));
    CHECK(last->position.y == Approx(360.0));
    CHECK(count(gestures, Gesture::Tap) == 0);
    CHECK(count(gestures, Gesture::DoubleTap) == 0);
}

TEST_CASE("A recorded tap and double tap are told apart", "[touch]") {
    const auto gestures = replay("tap_double_tap.touch");
    REQUIRE(count(gestures, Gesture::Tap) == 2);  // The lone tap, and the double tap's first.
    REQUIRE(count(gestures, Gesture::DoubleTap) == 1);
    const auto tap = std::find_if(gestures.begin(), gestures.end(), [](const Gesture& g) { return g.kind == Gesture::Tap; });
    CHECK(tap->position.x == Approx(301.0));
    const auto twice =
        std::find_if(gestures.begin(), gestures.end(), [](const Gesture& g) { return g.kind == Gesture::DoubleTap; });
    CHECK(twice->position.x == Approx(903.0));
}

TEST_CASE("A touch whose begin was never seen moves nothing", "[touch]") {
    const auto gestures = replay("drag_with_stale_touch.touch");
    // One drag of one finger, 800 -> 600, and nothing from the stale touch at (100, 100).
    REQUIRE(count(gestures, Gesture::DragBegin) == 1);
    REQUIRE(count(gestures, Gesture::DragEnd) == 1);
    for (const Gesture& g : gestures) {
        CHECK_FALSE(g.twoFingers);
        if (g.kind != Gesture::DragEnd) CHECK(g.position.y == Approx(400.0));
    }
    CHECK(gestures[gestures.size() - 2].position.x == Approx(600.0));  // The last drag, then its end.
}

TEST_CASE("X touch ids become small finger numbers that are reused once lifted", "[touch]") {
    TouchDecoder decoder;
    auto down = [&](int device, std::uint32_t id) { return decoder.decode({TouchRecord::Begin, 0.0, device, id, {1, 2}}); };
    auto a = down(11, 4000000000u), b = down(11, 4000000001u), c = down(12, 4000000000u);
    REQUIRE((a && b && c));
    CHECK(a->finger == 0);
    CHECK(b->finger == 1);
    CHECK(c->finger == 2);  // The same id from another device is another finger.
    CHECK_FALSE(down(11, 4000000000u));  // Already down.
    auto up = decoder.decode({TouchRecord::End, 0.1, 11, 4000000000u, {3, 4}});
    REQUIRE(up);
    CHECK(up->finger == 0);
    CHECK(up->phase == TouchEvent::Up);
    CHECK(up->position == glm::dvec2(3, 4));
    auto again = down(11, 4000000007u);
    REQUIRE(again);
    CHECK(again->finger == 0);
    CHECK(decoder.fingersDown() == 3);
}

TEST_CASE("Touch records read back what was written and a bad line is named", "[touch]") {
    const TouchRecord r{TouchRecord::Update, 1.25, 11, 4294967295u, {12.5, -3.25}, true};
    auto back = parseTouchRecord(formatTouchRecord(r));
    REQUIRE(back.ok());
    CHECK(back->kind == r.kind);
    CHECK(back->time == r.time);
    CHECK(back->device == r.device);
    CHECK(back->touch == r.touch);
    CHECK(back->position == r.position);
    CHECK(back->emulatingPointer);

    const fs::path dir = test::scratchDir("touch_recordings");
    const auto bad = [&](const std::string& body, const std::string& problem) {
        std::ofstream(dir / "bad.touch") << "# comment\n0.5 begin 11 1 5 5\n" << body << "\n";
        auto read = readTouchRecording(dir / "bad.touch");
        REQUIRE_FALSE(read.ok());
        INFO(read.error().message);
        CHECK(read.error().message.find("bad.touch: line 3") != std::string::npos);
        CHECK(read.error().message.find(problem) != std::string::npos);
    };
    bad("0.1 press 11 1 5 5", "unknown kind");
    bad("0.1 end 11 -1 5 5", "touch id");
    bad("0.1 end 11 1 5", "expected TIME KIND");
    bad("0.1 end 11 1 nan 5", "expected TIME KIND");
    bad("0.1 end 11 1 5 5 hovering", "unknown flag");
    bad("0.1 end 11 1 5 5", "time goes backwards");
    bad("-0.1 end 11 1 5 5", "seconds >= 0");
    CHECK_FALSE(readTouchRecording(dir / "missing.touch").ok());
}

TEST_CASE("A tap shorter than a frame still presses and releases the UI's pointer", "[touch]") {
    TouchPointer pointer;
    CHECK_FALSE(pointer.nextFrame());
    pointer.feed({0, TouchEvent::Down, {40, 50}});
    pointer.feed({0, TouchEvent::Up, {0, 0}});  // A script's "touch up" has no position.
    auto pressed = pointer.nextFrame();
    REQUIRE(pressed);
    CHECK(pressed->down);
    CHECK(pressed->position == glm::dvec2(40, 50));
    auto released = pointer.nextFrame();
    REQUIRE(released);
    CHECK_FALSE(released->down);
    CHECK(released->position == glm::dvec2(40, 50));  // Released where it was pressed.
    CHECK_FALSE(pointer.nextFrame());  // Back to the mouse.

    // The first finger drives the pointer; a second one (a pinch) does not move it.
    pointer.feed({0, TouchEvent::Down, {10, 10}});
    pointer.feed({1, TouchEvent::Down, {90, 90}});
    pointer.feed({1, TouchEvent::Move, {95, 95}});
    pointer.feed({0, TouchEvent::Move, {12, 10}});
    auto frame = pointer.nextFrame();
    REQUIRE(frame);
    CHECK(frame->position == glm::dvec2(12, 10));
    CHECK(frame->down);
    pointer.feed({1, TouchEvent::Up, {95, 95}});
    CHECK(pointer.nextFrame()->down);  // Still the first finger's press.
}

TEST_CASE("A finger that lands on a panel stays the panel's until it lifts", "[touch]") {
    TouchCapture capture([](glm::dvec2 p) { return p.x < 100.0; });  // A panel along the left edge.
    CHECK(capture.captured({0, TouchEvent::Down, {50, 50}}));
    CHECK(capture.captured({0, TouchEvent::Move, {400, 50}}));  // Dragged off the panel: still its.
    CHECK_FALSE(capture.captured({1, TouchEvent::Down, {400, 300}}));
    CHECK(capture.captured({0, TouchEvent::Up, {400, 50}}));
    CHECK_FALSE(capture.captured({1, TouchEvent::Move, {50, 300}}));  // Onto the panel: still the scene's.
    CHECK_FALSE(capture.captured({0, TouchEvent::Move, {50, 50}}));   // Finger 0 lifted: unknown now.
}
