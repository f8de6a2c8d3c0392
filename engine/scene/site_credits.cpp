#include "scene/site_credits_json.h"

namespace axis {

SiteCredits readCredits(const json::Json& v, const std::string& path) {
    if (!v.is_object()) throw json::FieldError{path, "expected an object"};
    SiteCredits c;
    if (const auto* i = json::find(v, "institution", path)) c.institution = json::readLangText(*i, json::child(path, "institution"));
    if (const auto* a = json::find(v, "authors", path)) c.authors = json::readStringList(*a, json::child(path, "authors"));
    if (const auto* l = json::find(v, "licence", path)) c.licence = json::readString(*l, json::child(path, "licence"));
    if (const auto* u = json::find(v, "licence_url", path)) c.licenceUrl = json::readString(*u, json::child(path, "licence_url"));
    if (const auto* y = json::find(v, "year", path)) {
        const double year = json::readNumber(*y, json::child(path, "year"));
        if (year != double(int(year)) || year < 1000 || year > 9999)
            throw json::FieldError{json::child(path, "year"), "expected a year 1000..9999"};
        c.year = int(year);
    }
    return c;
}

json::Json writeCredits(const SiteCredits& c) {
    json::Json out = json::Json::object();
    if (!c.institution.empty()) out["institution"] = json::writeLangText(c.institution);
    if (!c.authors.empty()) out["authors"] = c.authors;
    if (!c.licence.empty()) out["licence"] = c.licence;
    if (!c.licenceUrl.empty()) out["licence_url"] = c.licenceUrl;
    if (c.year) out["year"] = *c.year;
    return out;
}

std::string copyrightLine(const SiteCredits& c, const std::string& language) {
    std::string owner = "©";
    if (c.year) owner += " " + std::to_string(*c.year);
    const std::string institution = pickText(c.institution, language);
    if (!institution.empty()) owner += " " + institution;
    std::string line = owner == "©" ? std::string() : owner;
    if (!c.licence.empty()) line += (line.empty() ? "" : " · ") + c.licence;
    return line;
}

}  // namespace axis
