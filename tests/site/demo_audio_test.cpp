// The demo site's sound, generated at build time (tools/demo_site/demo_audio): a music bed for
// its tours and espeak-ng narration for every POI in Chinese and English.
#include <catch2/catch.hpp>

#include <cmath>

#include "audio/decode.h"
#include "audio/loudness.h"
#include "poi/media.h"
#include "poi/poi.h"
#include "scene/site.h"
#include "support/run_command.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("The demo's tours have a seamless music bed", "[site][demo][audio]") {
    auto site = loadSite(fs::path(AXIS_DEMO_DIR) / "central-axis.site.json");
    REQUIRE(site);
    REQUIRE_FALSE(site->tours.empty());
    for (const Tour& tour : site->tours) CHECK(tour.music == "audio/bed.wav");
    auto bed = audio::decodeFile(site->resolve("audio/bed.wav"));
    REQUIRE(bed);
    CHECK(bed->seconds() == Approx(32.0).margin(0.01));
    const auto lufs = audio::integratedLoudness(*bed);
    REQUIRE(lufs);
    CHECK(*lufs > -30.0);                  // Audible, and
    CHECK(audio::samplePeak(*bed) < 1.0);  // never clipped.
    // The loop's seam: both ends nearly silent, so the bed can repeat without a click.
    for (std::size_t i : {std::size_t(0), std::size_t(1), bed->samples.size() - 2, bed->samples.size() - 1})
        CHECK(std::fabs(bed->samples[i]) < 0.01f);
}

TEST_CASE("Every demo POI has narration in Chinese and English", "[site][demo][audio]") {
    if (test::runShell("espeak-ng --version").exitCode != 0) test::skip("espeak-ng is not installed: no narration");
    auto pois = loadPois(fs::path(AXIS_DEMO_DIR) / "central-axis.pois.json");
    REQUIRE(pois);
    REQUIRE(pois->problems.empty());
    REQUIRE_FALSE(pois->pois.empty());
    for (const Poi& poi : pois->pois)
        for (const char* language : {"zh", "en"}) {
            INFO(poi.id << " " << language);
            const PoiMedia* narration = findNarration(poi, language);
            REQUIRE(narration);
            auto file = resolveMediaSafely(*pois, narration->path);
            REQUIRE(file);
            auto sound = audio::decodeFile(*file);
            REQUIRE(sound);
            CHECK(sound->seconds() > 0.5);
            CHECK(audio::integratedLoudness(*sound).value_or(-100.0) > -40.0);  // Speech, not silence.
        }
}
