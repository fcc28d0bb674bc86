// textutil: small UTF-8 helpers shared by the stages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pith {

// Collapses every run of whitespace (ASCII, NBSP, other Unicode spaces) into
// one space and trims the ends. Newlines are treated like spaces. Invisible
// format characters (see IsInvisible) are removed.
std::string CollapseWhitespace(std::string_view s);

// Appends s to out collapsing whitespace and removing invisible characters;
// a pending space is written only before the next non-space character. Used
// while assembling blocks.
void AppendCollapsed(std::string_view s, std::string* out);

// Number of code points.
std::size_t CodePoints(std::string_view s);

// Decodes the code point at s[i] and advances i (U+FFFD on bad input).
char32_t NextCodePoint(std::string_view s, std::size_t* i);

// True for "- ", "* ", "• ", "· " and similar list bullets at the start.
bool StartsWithBullet(std::string_view s);

// Unicode-lite classification good enough for features: letters of the
// common scripts, digits, upper case, CJK ideographs/kana.
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsDigit(char32_t c);
bool IsCjk(char32_t c);
bool IsSpace(char32_t c);
// Soft hyphen, zero-width space, word joiner, zero-width no-break space:
// they only guide line breaking and would split words for every consumer.
bool IsInvisible(char32_t c);
char32_t ToLower(char32_t c);

// Lower-cases ASCII and the Latin-1/Latin Extended-A/Greek/Cyrillic ranges.
std::string LowerUtf8(std::string_view s);

void AppendUtf8(char32_t c, std::string* out);

}  // namespace pith
