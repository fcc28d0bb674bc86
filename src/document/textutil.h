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

// CollapseWhitespace per line: lines ('\n', '\r') stay apart, blank ones go.
std::string CollapseLines(std::string_view s);

// Appends s to out collapsing whitespace and removing invisible characters;
// a pending space is written only before the next non-space character. Used
// while assembling blocks.
void AppendCollapsed(std::string_view s, std::string* out);

// Number of code points.
std::size_t CodePoints(std::string_view s);

// True for "- ", "* ", "• ", "· " and similar list bullets at the start.
bool StartsWithBullet(std::string_view s);

// Lower-cases ASCII and the Latin-1/Latin Extended-A/Greek/Cyrillic ranges.
std::string LowerUtf8(std::string_view s);

// Appends the UTF-8 of c; AppendUtf8 keeps ASCII, the common case, inline.
void AppendUtf8Multibyte(char32_t c, std::string* out);
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else {
    AppendUtf8Multibyte(c, out);
  }
}

// The helpers below run for every character of every block: defined here so
// that the compiler inlines them into those loops.

// Decodes the code point at s[i] and advances i (U+FFFD on bad input).
inline char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (len == 1 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t c = b0 & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return c;
}

// Unicode-lite classification good enough for features: letters of the
// common scripts, digits, upper case, CJK ideographs/kana.
constexpr bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x200B;
}

// Soft hyphen, zero-width space, word joiner, zero-width no-break space:
// they only guide line breaking and would split words for every consumer.
constexpr bool IsInvisible(char32_t c) { return c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF; }

constexpr bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

constexpr bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF);  // hangul
}

constexpr bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0xC0 && c <= 0x24F) return true;   // Latin-1, Extended-A/B
  if (c >= 0x370 && c <= 0x52F) return true;  // Greek, Cyrillic
  if (c >= 0x590 && c <= 0x6FF) return c >= 0x5D0 && !(c >= 0x660 && c <= 0x669);  // Hebrew, Arabic
  if (c >= 0x900 && c <= 0xDFF) return true;  // Indic
  if (c >= 0xE00 && c <= 0xE7F) return true;  // Thai
  if (c >= 0x1E00 && c <= 0x1FFF) return true;
  return IsCjk(c);
}

constexpr bool IsUpper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

// Lower-cases A-Z only, whatever the C locale (std::tolower is a call per
// byte, and in a Latin-1 locale would change bytes of UTF-8 sequences).
constexpr char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
// Lower-cases ASCII and the Latin-1/Latin Extended-A/Greek/Cyrillic ranges.
constexpr char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && (c % 2) == 0) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

}  // namespace pith
