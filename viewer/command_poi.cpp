// `axisview poi export|import`: a site's points of interest out to W3C Web Annotation (JSON-LD),
// the form museum and IIIF tools read, and back in. The JSON-LD layout is poi/web_annotation.h's;
// what merge and replace mean is poi/poi_import.h's (the curator's import means the same).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/file_io.h"
#include "core/log.h"
#include "poi/poi_import.h"
#include "poi/web_annotation.h"
#include "scene/site.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"

namespace axis::viewer {
namespace {
namespace fs = std::filesystem;

constexpr const char* kSiteOrPoisHelp = "A site (NAME.site.json: its \"pois\" file) or a POI file (NAME.pois.json)";

struct ExportArgs {
    std::string source;
    std::string output;
};

struct ImportArgs {
    std::string target;
    std::string annotations;
    bool merge = false;
    bool replace = false;
};

/// The POI file a command works on, and the site that names it when one was given.
struct PoiTarget {
    fs::path poiFile;
    std::optional<Site> site;
};

bool isPoiFileName(const fs::path& path) {
    const std::string name = path.filename().string();
    const std::string suffix = ".pois.json";
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Expected<PoiTarget> locatePois(const fs::path& siteOrPois) {
    if (isPoiFileName(siteOrPois)) return PoiTarget{fs::absolute(siteOrPois), std::nullopt};
    auto site = loadSite(siteOrPois);
    if (!site) return site.error();
    // Adding a "pois" entry would rewrite the site file too; a curator decides where POIs live.
    if (site->pois.empty())
        return makeError(siteOrPois.string(), "the site names no POI file (add \"pois\": \"NAME.pois.json\" to it)");
    fs::path poiFile = site->poisPath();
    return PoiTarget{std::move(poiFile), std::move(*site)};
}

// The site's name for the collection's label: English, else Chinese, else any.
std::string siteLabel(const Site& site) {
    for (const char* lang : {"en", "zh"})
        if (auto it = site.name.find(lang); it != site.name.end()) return it->second;
    return site.name.empty() ? std::string() : site.name.begin()->second;
}

int exportAnnotations(const ExportArgs& args) {
    auto target = locatePois(args.source);
    if (!target) {
        logError(target.error().message);
        return kExitFailure;
    }
    auto pois = loadPois(target->poiFile);
    if (!pois) {
        logError(pois.error().message);
        return kExitFailure;
    }
    for (const auto& problem : pois->problems) logWarn(problem);
    if (!pois->rejected.empty())
        logWarn(target->poiFile.string() + ": " + std::to_string(pois->rejected.size()) +
                " POI entries that failed validation are not exported");
    WebAnnotationOptions options;
    if (target->site) options.label = siteLabel(*target->site);
    const std::string text = toWebAnnotation(*pois, options);
    if (Status written = writeOutput(args.output, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
        !written) {
        logError(written.error().message);
        return kExitFailure;
    }
    if (!isStandardOutput(args.output))
        std::printf("%s: %zu points of interest from %s\n", args.output.c_str(), pois->pois.size(),
                    target->poiFile.string().c_str());
    return 0;
}

// Imported media paths are relative to the POI file they came from; here they must resolve
// beside this one, or the story shows no picture.
void warnAboutMissingMedia(const PoiFile& file, const PoiFile& incoming) {
    for (const Poi& imported : incoming.pois) {
        const Poi* kept = file.find(imported.id);
        if (!kept || !(*kept == imported)) continue;
        for (const PoiMedia& media : kept->media)
            if (!fs::exists(file.resolve(media.path)))
                logWarn(file.file.string() + ": POI \"" + kept->id + "\": media file " + media.path +
                        " not found beside the POI file (copy it along)");
    }
}

int importAnnotations(const ImportArgs& args) {
    auto target = locatePois(args.target);
    if (!target) {
        logError(target.error().message);
        return kExitFailure;
    }
    auto incoming = importWebAnnotation(args.annotations);
    if (!incoming) {
        logError(incoming.error().message);
        return kExitFailure;
    }
    for (const auto& problem : incoming->problems) logWarn(problem);

    PoiFile current;
    if (fs::exists(target->poiFile)) {
        // A POI file that does not load is never overwritten: its POIs would be lost.
        auto loaded = loadPois(target->poiFile);
        if (!loaded) {
            logError(loaded.error().message);
            return kExitFailure;
        }
        current = std::move(*loaded);
        for (const auto& problem : current.problems) logWarn(problem);
    } else {
        current.file = target->poiFile;
    }

    const PoiImportMode mode = args.replace ? PoiImportMode::Replace : PoiImportMode::Merge;
    PoiImportResult result = importPois(current, *incoming, mode);
    for (const auto& conflict : result.report.conflicts) logWarn(args.annotations + ": " + conflict);
    const std::string summary = result.report.summary();
    if (!result.report.changed() && fs::exists(target->poiFile)) {
        std::printf("%s: unchanged (%s)\n", target->poiFile.string().c_str(), summary.c_str());
        return 0;
    }
    current.pois = std::move(result.pois);
    current.retiredIds = std::move(result.retiredIds);
    current.measurements = std::move(result.measurements);
    if (Status saved = savePois(current, target->poiFile); !saved) {
        logError(saved.error().message);
        return kExitFailure;
    }
    std::printf("%s: %s\n", target->poiFile.string().c_str(), summary.c_str());
    warnAboutMissingMedia(current, *incoming);
    if (target->site)
        for (const auto& problem : checkReferences(*target->site, current)) logWarn(problem);
    return 0;
}

}  // namespace

void addPoiCommand(CLI::App& app, int& exitCode) {
    auto* poi = app.add_subcommand(
        "poi",
        "Points of interest as W3C Web Annotation (JSON-LD): 'poi export SITE_OR_POIS -o FILE.jsonld', "
        "'poi import SITE_OR_POIS FILE.jsonld [--merge|--replace]' (each has --help)");
    poi->require_subcommand(1);

    auto* exportCmd =
        poi->add_subcommand("export",
                            "Write the POIs of a site (or a POI file) as one Web Annotation collection (JSON-LD), "
                            "positions in the site frame through axisview's PointSelector");
    auto exportArgs = std::make_shared<ExportArgs>();
    exportCmd->add_option("SITE_OR_POIS", exportArgs->source, kSiteOrPoisHelp)->required();
    exportCmd
        ->add_option("-o,--output", exportArgs->output,
                     "FILE.jsonld to write (replaced atomically), or - for standard output")
        ->required();
    exportCmd->callback([exportArgs, &exitCode] { exitCode = exportAnnotations(*exportArgs); });

    auto* importCmd = poi->add_subcommand(
        "import",
        "Read a Web Annotation file (JSON-LD) into a site's POI file: --merge (the default) keeps the POIs there "
        "and adds new ids, reporting conflicts; --replace takes the imported POIs instead");
    importCmd->footer(
        "The POI file is saved atomically (the old one kept as NAME.bak), or created when missing.\n"
        "--merge: every POI already in the file stays as it is; imported POIs with new ids are added. An imported "
        "POI whose id the file has with other content, or whose id was deleted from the file (retired), is left "
        "out and reported on stderr as a conflict; the exit code is still 0.\n"
        "--replace: the imported POIs become the file's POIs, in their order; POIs missing from the import are "
        "removed and their ids retired.\n"
        "A file that does not parse, or is not a Web Annotation collection, page or annotation, changes nothing "
        "(exit 1).");
    auto importArgs = std::make_shared<ImportArgs>();
    importCmd->add_option("SITE_OR_POIS", importArgs->target, kSiteOrPoisHelp)->required();
    importCmd
        ->add_option("FILE", importArgs->annotations,
                     "Web Annotation file (.jsonld): a collection, a page or one annotation")
        ->required();
    auto* merge = importCmd->add_flag("--merge", importArgs->merge, "Keep existing POIs, add new ones (default)");
    auto* replace = importCmd->add_flag("--replace", importArgs->replace,
                                        "The imported POIs become the file's POIs; the others are removed");
    merge->excludes(replace);
    importCmd->callback([importArgs, &exitCode] { exitCode = importAnnotations(*importArgs); });
}

}  // namespace axis::viewer
