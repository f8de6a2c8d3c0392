#include "viewer/touch/touch_record.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/file_io.h"

namespace axis::viewer::touch {
namespace {

const char* kindName(TouchRecord::Kind kind) {
    switch (kind) {
        case TouchRecord::Begin: return "begin";
        case TouchRecord::Update: return "update";
        case TouchRecord::End: return "end";
    }
    return "?";
}

}  // namespace

std::string formatTouchRecord(const TouchRecord& r) {
    char line[160];
    std::snprintf(line, sizeof line, "%.4f %s %d %u %.2f %.2f%s", r.time, kindName(r.kind), r.device, unsigned(r.touch),
                  r.position.x, r.position.y, r.emulatingPointer ? " emulating" : "");
    return line;
}

Expected<TouchRecord> parseTouchRecord(const std::string& line) {
    std::istringstream in(line);
    TouchRecord r;
    std::string kind;
    long long touch = -1;
    if (!(in >> r.time >> kind >> r.device >> touch >> r.position.x >> r.position.y))
        return Error{"expected TIME KIND DEVICE TOUCH X Y [emulating]"};
    if (kind == "begin") r.kind = TouchRecord::Begin;
    else if (kind == "update") r.kind = TouchRecord::Update;
    else if (kind == "end") r.kind = TouchRecord::End;
    else return Error{"unknown kind \"" + kind + "\" (begin, update or end)"};
    if (!std::isfinite(r.time) || r.time < 0) return Error{"time must be a finite number of seconds >= 0"};
    if (touch < 0 || touch > 0xFFFFFFFFll) return Error{"touch id must be in 0..4294967295"};
    if (!std::isfinite(r.position.x) || !std::isfinite(r.position.y)) return Error{"position must be finite"};
    r.touch = std::uint32_t(touch);
    std::string flag;
    while (in >> flag) {
        if (flag != "emulating") return Error{"unknown flag \"" + flag + "\""};
        r.emulatingPointer = true;
    }
    return r;
}

Expected<std::vector<TouchRecord>> readTouchRecording(const std::filesystem::path& file) {
    auto text = readTextFile(file);
    if (!text) return text.error();
    std::vector<TouchRecord> records;
    std::istringstream lines(*text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto record = parseTouchRecord(line);
        if (!record) return makeError(file.string(), "line " + std::to_string(number) + ": " + record.error().message);
        if (!records.empty() && record->time < records.back().time)
            return makeError(file.string(), "line " + std::to_string(number) + ": time goes backwards");
        records.push_back(*record);
    }
    return records;
}

}  // namespace axis::viewer::touch
