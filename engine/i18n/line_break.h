#pragma once
// Where a line of text may break, for wrapping UI text, stories and captions. Latin text breaks
// after spaces; Chinese and Japanese break between any two characters, except that (kinsoku shori,
// the rule of JIS X 4051 and of Chinese typesetting) closing punctuation, small kana and the
// prolonged sound mark never start a line and opening brackets and quotes never end one.
// Korean is set with spaces between words, so it breaks at spaces like Latin text.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::i18n {

/// Splits UTF-8 `text` into pieces that may be laid out one after another with a line break
/// allowed before each (and nowhere inside one): words with their trailing spaces, and single CJK
/// characters, with closing punctuation kept on the piece before it and opening punctuation on
/// the piece after it. A '\n' ends its piece (the caller breaks the line after it). Concatenated,
/// the pieces give back `text` exactly; invalid UTF-8 bytes are kept as pieces of their own.
std::vector<std::string> breakableRuns(std::string_view text);

/// `text` cut into lines no wider than `maxWidth` as `measure` (any unit) sees them, breaking only
/// between breakableRuns() pieces and at '\n'. Spaces at a line's end are dropped; a piece wider
/// than a line stays whole on a line of its own. Concatenated with the dropped spaces and
/// newlines, the lines give back `text`.
std::vector<std::string> wrapLines(std::string_view text, float maxWidth,
                                   const std::function<float(std::string_view)>& measure);

/// True for a character that must not start a line (，。、）」』】…！？ small kana, ー, ...).
bool noLineStart(char32_t c);
/// True for a character that must not end a line (（「『【《“ ...).
bool noLineEnd(char32_t c);
/// True for characters set on a square grid with line breaks allowed around them: CJK ideographs,
/// kana, CJK and full-width punctuation (not Hangul, see above).
bool isIdeographic(char32_t c);

}  // namespace axis::i18n
