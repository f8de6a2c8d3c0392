// Kiosk mode under Xvfb, driven by --script: locked down (only the staff PIN quits), the attract
// tour after the idle time and the touch that stops it, languages, the minimap, and a soak run
// with a compressed clock whose resident memory must stay flat.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <glm/glm.hpp>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    std::string output;                 // stdout and stderr
    std::vector<glm::dvec4> cameras;    // x, y, z, navigation mode of each "print camera"
    std::vector<double> yaws;           // and its heading, degrees
};

// Runs `axisview --kiosk` on the demo site at 1280x720 (windowed: --size) with `script`, from
// `dir` so that anything it writes (an F12 screenshot) lands there. `env` is prefixed verbatim.
Run runKiosk(const fs::path& dir, const std::string& script, const std::string& env = "", int timeout = 240,
             const std::string& extra = "") {
    axis::test::VirtualDisplay display;
    std::ofstream(dir / "script.txt") << script;
    const fs::path out = dir / "output.txt";
    std::string command = "cd '" + dir.string() + "' && DISPLAY=" + display.display() + " " + env + " timeout " +
                          std::to_string(timeout) + " " + AXIS_EXECUTABLE + " '" + AXIS_DEMO_DIR +
                          "/central-axis.site.json' --kiosk --size 1280x720 " + extra +
                          // A soak drives itself; an (empty) script on top of it would slow it to a crawl.
                          (script.empty() ? std::string() : " --script '" + (dir / "script.txt").string() + "'") +
                          " > '" + out.string() + "' 2>&1";
    int status = std::system(command.c_str());
    Run run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) {
        run.output += line + "\n";
        std::istringstream s(line);
        std::string word;
        double x, y, z, yaw, pitch;
        int mode;
        if (s >> word && word == "camera" && s >> x >> y >> z >> yaw >> pitch >> mode) {
            run.cameras.push_back({x, y, z, mode});
            run.yaws.push_back(yaw);
        }
    }
    return run;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }
double distance(const glm::dvec4& a, const glm::dvec4& b) { return glm::length(glm::dvec3(a) - glm::dvec3(b)); }

// The staff exit: hold the top-left corner for 3 s, then the PIN (typed: the pad takes a keyboard).
std::string exitGesture(const std::string& pin) {
    std::string s = "mouse move 30 30\nmouse down left\nwait 3.4\nmouse up left\nwait 0.3\n";
    for (char c : pin) s += std::string("key ") + c + " tap\n";
    return s + "key enter tap\nwait 1\n";
}

// The loudest half second of what OpenAL Soft's wave back end wrote to `heard`, as the RMS of
// 1 kHz mono 16-bit samples.
double loudestHeard(const fs::path& heard) {
    const fs::path raw = fs::path(heard).replace_extension(".raw");
    REQUIRE(std::system(("ffmpeg -v error -y -i '" + heard.string() + "' -ac 1 -ar 1000 -f s16le '" + raw.string() + "'")
                            .c_str()) == 0);
    std::ifstream in(raw, std::ios::binary);
    std::vector<std::int16_t> samples;
    for (std::int16_t v; in.read(reinterpret_cast<char*>(&v), sizeof v);) samples.push_back(v);
    REQUIRE(samples.size() > 1000);  // At least a second of output.
    const auto rms = [&](std::size_t from, std::size_t to) {
        double sum = 0;
        for (std::size_t i = from; i < to; ++i) sum += double(samples[i]) * samples[i];
        return std::sqrt(sum / double(to - from));
    };
    double loudest = 0;
    for (std::size_t at = 0; at + 500 <= samples.size(); at += 500) loudest = std::max(loudest, rms(at, at + 500));
    return loudest;
}

// An OpenAL Soft configuration in `dir` whose wave back end writes what would be heard to
// heard.wav, in real time; returns the environment that selects it.
std::string waveOutput(const fs::path& dir) {
    std::ofstream(dir / "alsoft.conf") << "[general]\ndrivers = wave\n[wave]\nfile = " << (dir / "heard.wav").string()
                                       << "\n";
    return "ALSOFT_CONF='" + (dir / "alsoft.conf").string() + "'";
}

}  // namespace

TEST_CASE("the kiosk ignores Escape, Alt+F4, close requests and debug keys, only the exit PIN quits",
          "[app][kiosk]") {
    fs::path dir = axis::test::scratchDir("kiosk_lockdown");
    Run run = runKiosk(dir,
                       "wait 0.5\nprint camera\n"
                       "key escape tap\nwait 0.3\nprint camera\n"
                       "key alt down\nkey f4 tap\nkey alt up\nwait 0.3\nprint camera\n"
                       "close\nwait 0.3\nprint camera\n"
                       "key f12 tap\nkey f11 tap\nkey f2 tap\nkey 3 tap\nkey 2 tap\nkey p tap\nwait 0.3\nprint camera\n"
                       "screenshot " + (dir / "kiosk.png").string() + "\n" +
                       exitGesture("1111") + "print camera\n"  // A wrong PIN: still running.
                       + exitGesture("2024") + "wait 2\nprint camera\n",
                       "", 180);
    INFO(run.output);
    CHECK(run.exitCode == 0);  // Quit by the PIN, not killed by the timeout (124).
    REQUIRE(run.cameras.size() == 6);  // Alive after every attempt; the last print never came.
    for (const auto& c : run.cameras) CHECK(c.w == 0);  // Still walking: 2 and 3 did not switch modes.
    CHECK(contains(run.output, "exit PIN accepted"));
    CHECK(!contains(run.output, "Curator"));
    bool screenshotTaken = false;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("axisview-", 0) == 0) screenshotTaken = true;
    CHECK(!screenshotTaken);  // F12 is off.
}

TEST_CASE("the kiosk plays the attract tour when idle and a touch hands control back", "[app][kiosk]") {
    fs::path dir = axis::test::scratchDir("kiosk_attract");
    Run run = runKiosk(dir,
                       "wait 0.5\nprint camera\nwait 9\nprint camera\nwait 2\nprint camera\n"
                       "screenshot " + (dir / "attract.png").string() + "\n"
                       "touch down 1 640 360\ntouch up 1\nwait 0.5\nprint camera\nwait 1.5\nprint camera\n"
                       "screenshot " + (dir / "visitor.png").string() + "\nquit\n",
                       "AXIS_KIOSK_IDLE_SECONDS=2");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.cameras.size() == 5);
    CHECK(run.cameras[0].y == Approx(-180.0).margin(1.0));  // The site's start view.
    CHECK(contains(run.output, "kiosk: attract tour"));
    CHECK(distance(run.cameras[1], run.cameras[0]) > 5.0);   // On its way along the tour...
    CHECK(distance(run.cameras[2], run.cameras[1]) > 5.0);   // ...and still moving.
    CHECK(contains(run.output, "kiosk: a visitor took over"));
    CHECK(distance(run.cameras[4], run.cameras[3]) < 0.5);   // The touch stopped it.
}

TEST_CASE("the kiosk switches language and resets it for the next visitor", "[app][kiosk]") {
    fs::path dir = axis::test::scratchDir("kiosk_language");
    Run run = runKiosk(dir,
                       "wait 0.5\nscreenshot " + (dir / "zh.png").string() + "\nclick 935 40\nwait 0.5\n"
                       "screenshot " + (dir / "en.png").string() + "\nwait 4\nquit\n",
                       "AXIS_KIOSK_IDLE_SECONDS=3");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    auto en = run.output.find("kiosk: language en");
    auto reset = run.output.find("kiosk: idle, reset for the next visitor");
    REQUIRE(en != std::string::npos);
    REQUIRE(reset != std::string::npos);
    CHECK(reset > en);
    auto zh = axis::render::readPng(dir / "zh.png");
    auto enShot = axis::render::readPng(dir / "en.png");
    REQUIRE((zh.ok() && enShot.ok()));
    CHECK(zh->pixels != enShot->pixels);
}

TEST_CASE("tapping a landmark on the kiosk's minimap goes to its viewpoint", "[app][kiosk]") {
    fs::path dir = axis::test::scratchDir("kiosk_minimap");
    // The Temple of Heaven, east of the axis: its viewpoint is at (780, 1390, 8).
    Run run = runKiosk(dir,
                       "wait 0.5\nclick 72 151\nwait 0.3\nscreenshot " + (dir / "map.png").string() +
                       "\nclick 170 576\nwait 12\n"
                       "print camera\nscreenshot " + (dir / "there.png").string() + "\nquit\n");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.cameras.size() == 1);
    CHECK(distance(run.cameras[0], {780.0, 1390.0, 8.0, 0.0}) < 5.0);
}

TEST_CASE("touch taps reach the kiosk's panels while one finger on the scene looks and two pinch",
          "[app][kiosk][touch]") {
    fs::path dir = axis::test::scratchDir("kiosk_touch");
    // The minimap's tab opens it; the landmark's tap is a down and an up in the same frame, as a
    // quick finger gives between two frames: the UI must still see it pressed. Then a look drag, one that starts on the story
    // panel (which must not turn the view), and a pinch out, on the scene between the tabs and
    // the story the tap opened (x 260..800 at 1280x720).
    std::string script = "wait 0.5\ntouch down 1 72 151\ntouch up 1\nwait 0.3\ntouch down 1 170 576\ntouch up 1\n"
                         "wait 12\nprint camera\ntouch down 2 500 300\n";
    for (int i = 1; i <= 10; ++i) script += "wait 0.02\ntouch move 2 " + std::to_string(500 + 12 * i) + " 300\n";
    script += "touch up 2\nwait 0.5\nprint camera\ntouch down 5 1000 600\n";
    for (int i = 1; i <= 10; ++i) script += "wait 0.02\ntouch move 5 " + std::to_string(1000 - 40 * i) + " 600\n";
    script += "touch up 5\nwait 0.5\nprint camera\ntouch down 3 460 330\nwait 0.02\ntouch down 4 540 330\n";
    for (int i = 1; i <= 10; ++i)
        script += "wait 0.02\ntouch move 3 " + std::to_string(460 - 6 * i) + " 330\ntouch move 4 " +
                  std::to_string(540 + 6 * i) + " 330\n";
    script += "touch up 3\ntouch up 4\nwait 1\nprint camera\nquit\n";
    Run run = runKiosk(dir, script);
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.cameras.size() == 4);
    CHECK(distance(run.cameras[0], {780.0, 1390.0, 8.0, 0.0}) < 5.0);  // The Temple of Heaven's viewpoint.
    CHECK(distance(run.cameras[1], run.cameras[0]) < 0.5);  // Looking turns, it does not move...
    CHECK(std::abs(run.yaws[1] - run.yaws[0]) > 5.0);       // ...but it turns.
    CHECK(run.yaws[2] == run.yaws[1]);                      // The panel's finger stays the panel's.
    CHECK(distance(run.cameras[2], run.cameras[1]) < 0.01);
    CHECK(distance(run.cameras[3], run.cameras[2]) > 0.5);  // The pinch moved the visitor.
}

TEST_CASE("the kiosk plays a POI's narration in the visitor's language and stops it at the reset",
          "[app][kiosk][audio]") {
    fs::path dir = axis::test::scratchDir("kiosk_narration");
    const fs::path heard = dir / "heard.wav";
    // The minimap's tap opens the Temple of Heaven's story; its first button is Listen (收听讲解).
    Run run = runKiosk(dir,
                       "wait 0.5\ntouch down 1 72 151\ntouch up 1\nwait 0.3\ntouch down 1 170 576\ntouch up 1\nwait 2\n"
                       "screenshot " + (dir / "story.png").string() + "\n"
                       "touch down 1 880 145\ntouch up 1\nwait 1.5\n"
                       "screenshot " + (dir / "listening.png").string() + "\nwait 8\nquit\n",
                       waveOutput(dir) + " AXIS_KIOSK_IDLE_SECONDS=5");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto played = run.output.find("narration: ");
    const auto reset = run.output.find("kiosk: idle, reset for the next visitor");
    REQUIRE(played != std::string::npos);
    REQUIRE(reset != std::string::npos);
    CHECK(reset > played);
    CHECK(run.output.find(".zh.wav", played) != std::string::npos);  // The visitor's language.
    CHECK(loudestHeard(heard) > 300.0);  // Speech was heard.
    // Stopped by the reset (the log, not the file's tail: how much wall time the script's last
    // seconds take depends on the machine).
    const auto stopped = run.output.find("narration: stopped");
    REQUIRE(stopped != std::string::npos);
    CHECK(stopped > reset);
}

TEST_CASE("the kiosk's attract tour narrates each stop it arrives at and a visitor's touch silences it",
          "[app][kiosk][audio]") {
    fs::path dir = axis::test::scratchDir("kiosk_tour_narration");
    // Idle after 1 s; the tour reaches its first stop (the axis seen from the south, 12.9 s of
    // narration) at about 10.9 s of the script's clock; the touch comes 1.6 s later.
    Run run = runKiosk(dir, "wait 12.5\ntouch down 1 640 360\ntouch up 1\nwait 1\nquit\n",
                       waveOutput(dir) + " AXIS_KIOSK_IDLE_SECONDS=1");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto tour = run.output.find("kiosk: attract tour");
    const auto played = run.output.find("narration: central-axis.zh.wav");  // The kiosk's first language.
    const auto visitor = run.output.find("kiosk: a visitor took over");
    REQUIRE(tour != std::string::npos);
    REQUIRE(played != std::string::npos);
    REQUIRE(visitor != std::string::npos);
    CHECK(tour < played);
    CHECK(played < visitor);
    // By the touch the narration was stopped by it, or (on a machine whose frames run far slower
    // than real time) had already played to its end; either way nothing plays after it.
    const auto stopped = run.output.find("narration: stopped", played);
    const auto ended = run.output.find("narration: ended", played);
    CHECK(std::min(stopped, ended) < visitor);
    CHECK(run.output.find("narration: ", visitor) == std::string::npos);
}

TEST_CASE("a kiosk soak of 10,000 idle/visitor cycles keeps memory and handles flat", "[app][kiosk][soak]") {
    fs::path dir = axis::test::scratchDir("kiosk_soak");
    Run run = runKiosk(dir, "", "", 900, "--soak 10000");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::vector<std::pair<long, long>> rss;  // cycle, KiB
    std::vector<int> fds;
    std::istringstream in(run.output);
    for (std::string line; std::getline(in, line);) {
        std::istringstream s(line);
        std::string w1, w2, w3, w4;
        long cycle = 0, kb = 0;
        int f = 0;
        if (s >> w1 >> w2 >> cycle >> w3 >> kb >> w4 >> f && w1 == "soak") rss.push_back({cycle, kb}), fds.push_back(f);
    }
    REQUIRE(rss.size() >= 40);
    REQUIRE(rss.back().first >= 10000);
    // After warm-up (the first 2,000 cycles: caches, font atlas, driver pools), flat within 5 %.
    long warm = 0;
    for (const auto& [cycle, kb] : rss)
        if (cycle == 2000) warm = kb;
    REQUIRE(warm > 0);
    for (const auto& [cycle, kb] : rss)
        if (cycle >= 2000) CHECK(double(kb) <= warm * 1.05);
    for (size_t i = rss.size() / 5; i < fds.size(); ++i) CHECK(fds[i] == fds[rss.size() / 5]);
}

// A lost GPU (driver reset, hang) must not end the exhibit: the kiosk recreates the device,
// uploads the site again and carries on where it was. AXIS_SIMULATE_DEVICE_LOST=N makes draw N
// fail with VK_ERROR_DEVICE_LOST; the result must look like a run that lost nothing.
TEST_CASE("a lost GPU device is recreated and the kiosk carries on", "[app][kiosk]") {
    fs::path dir = axis::test::scratchDir("kiosk_device_lost");
    auto script = [&](const std::string& shot) {
        return "wait 0.5\nclick 72 151\nwait 0.3\nclick 170 576\nwait 6\nprint camera\nscreenshot " +
               (dir / shot).string() + "\nquit\n";
    };
    Run plain = runKiosk(dir, script("plain.png"));
    Run lost = runKiosk(dir, script("lost.png"), "AXIS_SIMULATE_DEVICE_LOST=20");
    INFO(lost.output);
    REQUIRE(plain.exitCode == 0);
    REQUIRE(lost.exitCode == 0);  // Validation stayed silent across both devices, too.
    CHECK(contains(lost.output, "GPU device recreated"));
    CHECK_FALSE(contains(plain.output, "GPU device recreated"));
    REQUIRE((plain.cameras.size() == 1 && lost.cameras.size() == 1));
    CHECK(distance(plain.cameras[0], lost.cameras[0]) < 1e-6);
    auto a = axis::render::readPng(dir / "plain.png");
    auto b = axis::render::readPng(dir / "lost.png");
    REQUIRE((a.ok() && b.ok()));
    REQUIRE(a->pixels.size() == b->pixels.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a->pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (std::abs(int(a->pixels[i + c]) - int(b->pixels[i + c])) > 8) {
                ++differing;
                break;
            }
    CHECK(double(differing) / double(a->pixels.size() / 4) < 0.005);  // Models, fonts and UI all back.
}
