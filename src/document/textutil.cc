#include "document/textutil.h"

namespace pith {

char32_t NextCodePoint(std::string_view s, std::size_t* i) {
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

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x200B;
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF);  // hangul
}

bool IsLetter(char32_t c) {
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

bool IsUpper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && (c % 2) == 0) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {  // ASCII, most of any page, without decoding
      out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
      ++i;
      continue;
    }
    AppendUtf8(ToLower(NextCodePoint(s, &i)), &out);
  }
  return out;
}

void AppendCollapsed(std::string_view s, std::string* out) {
  bool pending_space = !out->empty() && out->back() == ' ';
  if (pending_space) out->pop_back();
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
    pending_space = false;
    out->append(s.substr(start, i - start));
  }
  if (pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool StartsWithBullet(std::string_view s) {
  for (std::string_view b : {"- ", "* ", "\u2022 ", "\u00B7 ", "\u2013 ", "\u25AA ", "\u25CF "})
    if (s.substr(0, b.size()) == b) return true;
  return false;
}

}  // namespace pith
