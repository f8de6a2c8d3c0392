#include "demo_audio.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>

#include "audio/wav.h"
#include "core/file_io.h"
#include "poi/media.h"

namespace demo {
namespace {

constexpr double kBeat = 1.0;       // Seconds per melody note: slow, under speech.
constexpr int kBars = 8;            // Chords, four beats each: 32 s in all.
constexpr double kTuning = 261.63;  // C4.

// C major pentatonic degrees in semitones, and the melody as indices into them (one per beat).
constexpr int kScale[] = {0, 2, 4, 7, 9, 12, 14, 16};
constexpr int kMelody[kBars * 4] = {4, 3, 2, 3, 4, 5, 4, -1, 3, 2, 0, 2, 3, -1, 2, -1,
                                    4, 5, 6, 5, 4, 3, 2, -1, 1, 2, 3, 2, 0, -1, 0, -1};
// Pad chords (root, third or fifth, octave) in semitones from C3, one per bar.
constexpr int kChords[kBars][3] = {{0, 7, 12}, {9, 16, 21}, {5, 12, 17}, {7, 14, 19},
                                   {0, 7, 12}, {9, 16, 21}, {2, 9, 14},  {7, 14, 19}};

double pitch(double semitonesFromC4) { return kTuning * std::pow(2.0, semitonesFromC4 / 12.0); }

// A plucked-bell note: a soft attack and a long decay, with a quiet octave for colour.
double note(double hz, double t) {
    if (t < 0.0) return 0.0;
    const double envelope = std::min(1.0, t / 0.02) * std::exp(-t * 2.2);
    const double w = 2.0 * std::numbers::pi * hz * t;
    return envelope * (std::sin(w) + 0.25 * std::sin(2.0 * w));
}

// A pad chord swelling in and out over its bar (zero at the bar's ends: the loop has no seam).
double pad(const int (&chord)[3], double t, double bar) {
    const double swell = std::sin(std::numbers::pi * t / bar);
    double v = 0.0;
    for (int s : chord) v += std::sin(2.0 * std::numbers::pi * pitch(s - 12.0) * t);
    return swell * swell * v / 3.0;
}

axis::audio::Pcm musicBed() {
    const double bar = 4.0 * kBeat, seconds = kBars * bar;
    axis::audio::Pcm pcm = axis::audio::silence(axis::audio::framesOf(seconds));
    for (std::size_t f = 0; f < pcm.frames(); ++f) {
        const double t = double(f) / axis::audio::kSampleRate;
        const int b = std::min(kBars - 1, int(t / bar));
        double melody = 0.0;
        for (int back = 0; back < 3; ++back) {  // This beat's note and the two still ringing.
            const int beat = int(t / kBeat) - back;
            const int degree = kMelody[((beat % (kBars * 4)) + kBars * 4) % (kBars * 4)];
            if (beat >= 0 && degree >= 0) melody += note(pitch(kScale[degree]), t - beat * kBeat);
        }
        const double p = pad(kChords[b], t - b * bar, bar);
        // Melody a little left, pad a little right: some width without effects.
        pcm.samples[2 * f] = float(0.30 * melody + 0.16 * p);
        pcm.samples[2 * f + 1] = float(0.22 * melody + 0.22 * p);
    }
    return pcm;
}

// The title and the first sentence of the story: a few seconds, within a stop's dwell.
std::string narrationText(const axis::Poi& poi, const std::string& language) {
    const auto title = poi.title.find(language);
    if (title == poi.title.end()) return {};
    std::string text = title->second;
    if (auto body = poi.body.find(language); body != poi.body.end()) {
        const std::string& b = body->second;
        std::size_t end = std::min({b.find("。"), b.find(". "), b.find("\n")});
        if (end != std::string::npos && b.compare(end, 3, "。") == 0)
            end += 3;
        else if (end != std::string::npos && b[end] == '.')
            end += 1;
        text += language == "zh" ? "。" : ". ";
        text += b.substr(0, std::min(end, b.size()));
    }
    return text;
}

bool haveEspeak() { return std::system("command -v espeak-ng >/dev/null 2>&1") == 0; }

// Speaks `text` into `wav` through espeak-ng; the text goes through a file, never the shell.
bool speak(const std::string& voice, const std::string& text, const std::filesystem::path& wav) {
    const std::filesystem::path input = wav.string() + ".txt";
    if (!axis::saveFileAtomic(input, text, false)) return false;
    const std::string command = "espeak-ng -v " + voice + " -f '" + input.string() + "' -w '" + wav.string() + "'";
    const bool ok = std::system(command.c_str()) == 0;
    std::error_code ec;
    std::filesystem::remove(input, ec);
    return ok;
}

}  // namespace

bool addDemoAudio(axis::Site& site, axis::PoiFile& pois, const std::filesystem::path& out) {
    std::error_code ec;
    std::filesystem::create_directories(out / "audio", ec);
    if (auto s = axis::audio::writeWav(out / "audio" / "bed.wav", musicBed()); !s) {
        std::fprintf(stderr, "axis_make_demo_site: %s\n", s.error().message.c_str());
        return false;
    }
    for (auto& tour : site.tours) tour.music = "audio/bed.wav";
    if (!haveEspeak()) {
        std::fprintf(stderr, "axis_make_demo_site: warning: espeak-ng not found; the demo has no narration\n");
        return true;
    }
    std::filesystem::create_directories(out / "narration", ec);
    for (auto& poi : pois.pois)
        for (const auto& [language, voice] : {std::pair{"zh", "cmn"}, std::pair{"en", "en"}}) {
            const std::string text = narrationText(poi, language);
            if (text.empty()) continue;
            const std::string relative = "narration/" + poi.id + "." + language + ".wav";
            if (!speak(voice, text, out / relative)) {
                std::fprintf(stderr, "axis_make_demo_site: espeak-ng failed for %s\n", relative.c_str());
                return false;
            }
            poi.media = axis::withNarration(std::move(poi.media), language, relative);
        }
    return true;
}

}  // namespace demo
