// axisview: a viewer for scanned cultural-heritage sites. The executable is a thin client of the
// engine: it parses the command line and hands the work to viewer/.
#include <cstdio>
#include <string>

#include "axis_version.h"
#include "core/log.h"
#include "gpu/vk_check.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"

int main(int argc, char** argv) {
    using namespace axis::viewer;
    CLI::App app{"axisview: walk through scanned cultural-heritage sites.\n"
                 "With no command, opens SITE_OR_MODEL (default: the built-in Central Axis demo site) in a "
                 "window; without a display, renders stills of it to a folder instead."};
    app.set_version_flag("--version", std::string("axisview ") + AXIS_VERSION + " (commit " + AXIS_COMMIT + ")");
    int exitCode = 0;
    addViewOptions(app, exitCode);
    addInfoCommand(app, exitCode);
    addRenderCommand(app, exitCode);
    addRecordCommand(app, exitCode);
    addBakeCommand(app, exitCode);
    addPoiCommand(app, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitUsage;
    } catch (const axis::gpu::VulkanError& e) {
        axis::logError(e.what());
        return kExitFailure;
    } catch (const std::exception& e) {
        axis::logError(std::string("unexpected failure: ") + e.what());
        return kExitFailure;
    }
    return exitCode;
}
