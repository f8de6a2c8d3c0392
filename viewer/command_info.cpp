#include <cstdio>
#include <iostream>

#include "asset/import.h"
#include "core/log.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"

namespace axis::viewer {

void addInfoCommand(CLI::App& app, int& exitCode) {
    auto* cmd = app.add_subcommand("info", "Print a model's format, meshes, triangles, vertices, materials, "
                                           "textures and bounds");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("MODEL", *files, "Model files")->required();
    cmd->callback([files, &exitCode] {
        exitCode = 0;
        for (const auto& file : *files) {
            auto model = importModel(file, {}, Progress::toStderr());
            if (!model) {
                logError(model.error().message);
                exitCode = kExitFailure;
                continue;
            }
            std::cout << describeModel(*model) << (files->size() > 1 ? "\n" : "") << std::flush;
        }
    });
}

}  // namespace axis::viewer
