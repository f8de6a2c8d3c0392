#pragma once
// The documents the kill-during-save test saves: for each of the three files curators and media
// staff edit (POIs, site, camera path), two versions that differ everywhere, a save, and a check
// of which version a file on disk holds. Shared by kill_test.cpp and the save_child helper.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace axis::test {

struct SaveSubject {
    std::string kind;      ///< "poi", "site" or "path": the save_child argument.
    std::string fileName;  ///< What the file is called in the test folder.
    /// Creates what the document refers to (a site's model files) in `dir`.
    void (*prepare)(const std::filesystem::path& dir);
    /// Saves version 0 or 1 to `file` with the product's own save function.
    Status (*save)(int version, const std::filesystem::path& file);
    /// Loads `file` with the product's reader: 0 or 1 for an intact version, else an error.
    Expected<int> (*identify)(const std::filesystem::path& file);
};

/// The subject of `kind`; an empty kind for an unknown name.
const SaveSubject& saveSubject(std::string_view kind);

}  // namespace axis::test
