#pragma once
// Reading and writing a site's "credits" (site_credits.h); for the site file's loader and writer
// only, which keep the JSON library out of scene's public headers.
#include "scene/json_fields.h"
#include "scene/site_credits.h"

namespace axis {

/// Throws json::FieldError naming the field ("credits.year: expected a year 1000..9999").
SiteCredits readCredits(const json::Json& v, const std::string& path);
json::Json writeCredits(const SiteCredits& credits);

}  // namespace axis
