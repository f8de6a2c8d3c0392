#pragma once
// Each subcommand registers itself on the CLI11 app; when it runs it stores its exit code.
#include <CLI/CLI.hpp>

namespace axis::viewer {

/// The default command: the window (or, without a display, stills of the scene).
void addViewOptions(CLI::App& app, int& exitCode);
void addInfoCommand(CLI::App& app, int& exitCode);
void addRenderCommand(CLI::App& app, int& exitCode);
void addRecordCommand(CLI::App& app, int& exitCode);
void addBakeCommand(CLI::App& app, int& exitCode);
/// `poi export` and `poi import`: Web Annotation (JSON-LD) out of and into a POI file.
void addPoiCommand(CLI::App& app, int& exitCode);

}  // namespace axis::viewer
