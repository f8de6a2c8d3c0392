#pragma once
// --script FILE: timed input for automated runs under Xvfb. One command a line; `#` comments.
//
//   wait SECONDS                 advance the script clock (the app runs a fixed 60 Hz step)
//   key NAME down|up|tap         NAME: a..z, 0..9, space, shift, ctrl, alt, escape, enter, tab,
//                                up, down, left, right, f1..f12, delete, backspace
//   mouse move X Y               window coordinates
//   mouse down|up left|right|middle
//   click X Y | doubleclick X Y  move there, press and release (twice, 0.1 s apart)
//   drag X0 Y0 X1 Y1 SECONDS     left-button drag along a straight line
//   type TEXT                    type the rest of the line into the focused text field (UTF-8)
//   scroll STEPS
//   touch down|move ID X Y | touch up ID
//   gamepad LX LY RX RY [BUTTONS]   stick axes in [-1,1]; BUTTONS: GLFW button bits
//   resize W H                   resize the window
//   screenshot FILE              write the next frame (UI included) to a PNG
//   print camera                 write "camera X Y Z YAW PITCH MODE" to stdout
//   close                        ask the window to close, as its close button does
//   quit
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"
#include "viewer/input.h"

namespace axis::viewer {

struct ScriptScreenshot {
    std::filesystem::path file;
};
struct ScriptResize {
    int width = 0, height = 0;
};
struct ScriptPrintCamera {};
struct ScriptQuit {};
struct ScriptClose {};

using ScriptAction = std::variant<InputEvent, ScriptScreenshot, ScriptResize, ScriptPrintCamera, ScriptQuit, ScriptClose>;

struct ScriptStep {
    double time = 0.0;  ///< Seconds of script clock at which it happens.
    ScriptAction action;
};

/// Parses a script; errors name the file and line.
Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& path);
Expected<std::vector<ScriptStep>> parseScript(const std::string& text, const std::string& name);

/// GLFW key code for a script key name; -1 when unknown.
int keyFromName(const std::string& name);

}  // namespace axis::viewer
