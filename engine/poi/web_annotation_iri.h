#pragma once
// IRI helpers shared by the Web Annotation writer and reader (internal to poi/).
#include <string>

namespace axis {

/// Every byte outside RFC 3986 "unreserved" (A-Z a-z 0-9 - . _ ~) as %XX.
std::string percentEncode(const std::string& s);
/// %XX decoded; malformed escapes are kept as written.
std::string percentDecode(const std::string& s);
/// collectionId + separator + encoded id; the separator is ":" for URNs, "/" otherwise, and
/// nothing when the collection id already ends in '/', '#' or ':'.
std::string annotationIri(const std::string& collectionId, const std::string& poiId);
/// The POI id from an annotation IRI: the decoded text after the last '/', '#' or ':'.
std::string poiIdFromIri(const std::string& iri);
/// "image/jpeg" etc. from a media path's extension; empty when unknown.
std::string mediaMimeType(const std::string& path);

}  // namespace axis
