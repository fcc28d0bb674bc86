#include "document/textutil.h"

#include <algorithm>

namespace pith {

void AppendUtf8Multibyte(char32_t c, std::string* out) {
  if (c < 0x800) {
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
  // Characters are copied a run at a time: [run, run_end) of s is kept and
  // not yet appended.
  std::size_t run = 0, run_end = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    if (IsInvisible(c)) continue;
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space || run_end != start) {
      out->append(s.substr(run, run_end - run));
      if (pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
      pending_space = false;
      run = start;
    }
    run_end = i;
  }
  out->append(s.substr(run, run_end - run));
  if (pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string CollapseLines(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const std::size_t end = std::min(s.find_first_of("\r\n"), s.size());
    const std::string line = CollapseWhitespace(s.substr(0, end));
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out += line;
    }
    s.remove_prefix(std::min(end + 1, s.size()));
  }
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
