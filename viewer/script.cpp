#include "viewer/script.h"

#include <algorithm>
#include <sstream>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/file_io.h"

namespace axis::viewer {
namespace {

constexpr double kDragStep = 1.0 / 60.0;

int buttonFromName(const std::string& name) {
    if (name == "left") return GLFW_MOUSE_BUTTON_LEFT;
    if (name == "right") return GLFW_MOUSE_BUTTON_RIGHT;
    if (name == "middle") return GLFW_MOUSE_BUTTON_MIDDLE;
    return -1;
}

// Appends the steps of one line at time `t` (which `wait` and `drag` advance).
Status parseLine(std::istringstream& in, const std::string& verb, double& t, std::vector<ScriptStep>& out) {
    auto add = [&](ScriptAction a, double at) { out.push_back({at, std::move(a)}); };
    if (verb == "wait") {
        double s = -1;
        if (!(in >> s) || s < 0) return Error{"wait: expected seconds >= 0"};
        t += s;
    } else if (verb == "key") {
        std::string name, what;
        in >> name >> what;
        int key = keyFromName(name);
        if (key < 0) return Error{"key: unknown key '" + name + "'"};
        if (what == "down" || what == "tap") add(InputEvent(KeyEvent{key, true, 0}), t);
        if (what == "up") add(InputEvent(KeyEvent{key, false, 0}), t);
        if (what == "tap") add(InputEvent(KeyEvent{key, false, 0}), t + kDragStep * 2);
        if (what != "down" && what != "up" && what != "tap") return Error{"key: expected down, up or tap"};
    } else if (verb == "mouse") {
        std::string what;
        in >> what;
        if (what == "move") {
            double x, y;
            if (!(in >> x >> y)) return Error{"mouse move: expected X Y"};
            add(InputEvent(MouseMoveEvent{{x, y}}), t);
        } else {
            std::string button;
            in >> button;
            int b = buttonFromName(button);
            if (b < 0 || (what != "down" && what != "up")) return Error{"mouse: expected move X Y or down|up BUTTON"};
            add(InputEvent(MouseButtonEvent{b, what == "down"}), t);
        }
    } else if (verb == "click" || verb == "doubleclick") {
        double x, y;
        if (!(in >> x >> y)) return Error{verb + ": expected X Y"};
        add(InputEvent(MouseMoveEvent{{x, y}}), t);
        for (int i = 0; i < (verb == "click" ? 1 : 2); ++i) {
            add(InputEvent(MouseButtonEvent{0, true}), t + 0.02 + i * 0.1);
            add(InputEvent(MouseButtonEvent{0, false}), t + 0.05 + i * 0.1);
        }
    } else if (verb == "drag") {
        double x0, y0, x1, y1, seconds;
        if (!(in >> x0 >> y0 >> x1 >> y1 >> seconds) || seconds <= 0) return Error{"drag: expected X0 Y0 X1 Y1 SECONDS"};
        add(InputEvent(MouseMoveEvent{{x0, y0}}), t);
        add(InputEvent(MouseButtonEvent{0, true}), t + kDragStep);
        const int steps = std::max(1, int(seconds / kDragStep));
        for (int i = 1; i <= steps; ++i) {
            double f = double(i) / steps;
            add(InputEvent(MouseMoveEvent{{x0 + (x1 - x0) * f, y0 + (y1 - y0) * f}}), t + kDragStep * (1 + i));
        }
        add(InputEvent(MouseButtonEvent{0, false}), t + kDragStep * (2 + steps));
        t += kDragStep * (3 + steps);
    } else if (verb == "type") {
        std::string rest;
        std::getline(in, rest);
        if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
        add(InputEvent(TextEvent{rest}), t);
    } else if (verb == "scroll") {
        double steps;
        if (!(in >> steps)) return Error{"scroll: expected STEPS"};
        add(InputEvent(ScrollEvent{steps}), t);
    } else if (verb == "touch") {
        std::string what;
        int id = 0;
        double x = 0, y = 0;
        in >> what >> id;
        if (what != "up" && !(in >> x >> y)) return Error{"touch: expected down|move ID X Y or up ID"};
        TouchEvent::Phase phase = what == "down" ? TouchEvent::Down : what == "move" ? TouchEvent::Move : TouchEvent::Up;
        if (what != "down" && what != "move" && what != "up") return Error{"touch: expected down, move or up"};
        add(InputEvent(TouchEvent{id, phase, {x, y}}), t);
    } else if (verb == "gamepad") {
        GamepadEvent g;
        if (!(in >> g.leftStick.x >> g.leftStick.y >> g.rightStick.x >> g.rightStick.y))
            return Error{"gamepad: expected LX LY RX RY [BUTTONS]"};
        in >> g.buttons;
        add(InputEvent(g), t);
    } else if (verb == "resize") {
        ScriptResize r;
        if (!(in >> r.width >> r.height) || r.width < 1 || r.height < 1) return Error{"resize: expected W H"};
        add(r, t);
    } else if (verb == "screenshot") {
        std::string file;
        if (!(in >> file)) return Error{"screenshot: expected FILE"};
        add(ScriptScreenshot{file}, t);
    } else if (verb == "print") {
        std::string what;
        in >> what;
        if (what != "camera") return Error{"print: expected camera"};
        add(ScriptPrintCamera{}, t);
    } else if (verb == "quit") {
        add(ScriptQuit{}, t);
    } else if (verb == "close") {
        add(ScriptClose{}, t);
    } else {
        return Error{"unknown command '" + verb + "'"};
    }
    return Ok{};
}

}  // namespace

int keyFromName(const std::string& name) {
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return GLFW_KEY_A + (name[0] - 'a');
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    if (name.size() >= 2 && name[0] == 'f' && std::isdigit(static_cast<unsigned char>(name[1]))) {
        int n = std::atoi(name.c_str() + 1);
        if (n >= 1 && n <= 12) return GLFW_KEY_F1 + n - 1;
    }
    static const std::pair<const char*, int> kNamed[] = {
        {"space", GLFW_KEY_SPACE},     {"shift", GLFW_KEY_LEFT_SHIFT}, {"ctrl", GLFW_KEY_LEFT_CONTROL},
        {"alt", GLFW_KEY_LEFT_ALT},    {"escape", GLFW_KEY_ESCAPE},    {"enter", GLFW_KEY_ENTER},
        {"tab", GLFW_KEY_TAB},         {"up", GLFW_KEY_UP},            {"down", GLFW_KEY_DOWN},
        {"left", GLFW_KEY_LEFT},       {"right", GLFW_KEY_RIGHT},      {"delete", GLFW_KEY_DELETE},
        {"backspace", GLFW_KEY_BACKSPACE}};
    for (const auto& [n, key] : kNamed)
        if (name == n) return key;
    return -1;
}

Expected<std::vector<ScriptStep>> parseScript(const std::string& text, const std::string& name) {
    std::vector<ScriptStep> steps;
    std::istringstream lines(text);
    double t = 0.0;
    int lineNumber = 0;
    for (std::string line; std::getline(lines, line);) {
        ++lineNumber;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream in(line);
        std::string verb;
        if (!(in >> verb)) continue;
        if (auto s = parseLine(in, verb, t, steps); !s)
            return makeError(name, "line " + std::to_string(lineNumber) + ": " + s.error().message);
    }
    std::stable_sort(steps.begin(), steps.end(), [](const ScriptStep& a, const ScriptStep& b) { return a.time < b.time; });
    return steps;
}

Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& path) {
    auto text = readTextFile(path, 16u << 20);
    if (!text) return text.error();
    return parseScript(*text, path.string());
}

}  // namespace axis::viewer
