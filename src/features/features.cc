#include "features/features.h"

#include <array>
#include <bit>
#include <limits>

#include <algorithm>
#include <unordered_map>

#include "document/textutil.h"

namespace pith {
namespace {

constexpr bool IsTerminalMark(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0xFF0E || c == 0x061F || c == 0x0964;
}

bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x300D || c == 0x300F || c == 0xFF09 || c == ']';
}

// What the feature loops ask of a character, as bits.
enum CharBits : unsigned {
  kSpace = 1, kLetter = 2, kUpper = 4, kCjk = 8, kDigit = 16, kComma = 32,
  kCjkStop = 64,    // a CJK full stop: ends a sentence without a following space
  kTerminal = 128,  // ends a sentence when a space follows
};

constexpr unsigned ClassifySlow(char32_t c) {
  unsigned bits = 0;
  if (IsSpace(c)) bits |= kSpace;
  if (IsLetter(c)) bits |= kLetter;
  if (IsUpper(c)) bits |= kUpper;
  if (IsCjk(c)) bits |= kCjk;
  if (IsDigit(c)) bits |= kDigit;
  if (c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C) bits |= kComma;
  if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) bits |= kCjkStop;
  else if (IsTerminalMark(c)) bits |= kTerminal;
  return bits;
}

// ASCII, most characters of most pages, is looked up.
constexpr auto kAsciiBits = [] {
  std::array<unsigned char, 128> table{};
  for (char32_t c = 0; c < 128; ++c) table[c] = static_cast<unsigned char>(ClassifySlow(c));
  return table;
}();

unsigned Classify(char32_t c) { return c < 128 ? kAsciiBits[c] : ClassifySlow(c); }

}  // namespace

std::vector<Features> ComputeFeatures(const Document& doc, const Stoplists& stoplists,
                                      const std::string& language, const Deadline& deadline) {
  const LanguageSet stop = language.empty() ? 0 : stoplists.Bit(language);
  std::unordered_map<std::string_view, int> counts;  // views into doc.blocks
  for (const Block& b : doc.blocks) ++counts[b.text];

  std::vector<Features> out(doc.blocks.size());
  for (std::size_t id = 0; id < doc.blocks.size(); ++id) {
    if (deadline.Expired()) break;
    const Block& b = doc.blocks[id];
    Features& f = out[id];
    int letters = 0, upper = 0, digits = 0, nonspace = 0, cjk = 0;
    char32_t last = 0, before_last = 0;
    bool prev_terminal = false;
    for (std::size_t i = 0; i < b.text.size();) {
      const char32_t c = NextCodePoint(b.text, &i);
      const unsigned bits = Classify(c);
      ++f.chars;
      if (bits & kSpace) {
        if (prev_terminal) ++f.sentences;
        prev_terminal = false;
        continue;
      }
      ++nonspace;
      if (bits & kLetter) {
        ++letters;
        if (bits & kUpper) ++upper;
      }
      if (bits & kCjk) ++cjk;
      if (bits & kDigit) ++digits;
      if (bits & kComma) ++f.commas;
      if (bits & kCjkStop) ++f.sentences;
      prev_terminal = bits & kTerminal;
      before_last = last;
      last = c;
    }
    if (prev_terminal) ++f.sentences;
    f.terminal = IsTerminalMark(last) || (IsClosing(last) && IsTerminalMark(before_last));
    f.cjk = letters > 0 && cjk * 2 > letters;

    // Stopwords are counted in whichever language's list fits the block
    // best: pages mix languages (an English frame or quote around a German
    // story, an English error message above it), and the page's language
    // only decides whether stopwords are counted at all.
    int stopwords = 0, capitalised = 0, alpha_words = 0;
    std::array<int, std::numeric_limits<LanguageSet>::digits> by_language{};
    ForEachToken(b.text, [&](std::string_view t) {
      ++f.words;
      if (stop == 0) return true;
      for (LanguageSet in = stoplists.Languages(t); in != 0; in &= in - 1) ++by_language[std::countr_zero(in)];
      return true;
    });
    for (int c : by_language) stopwords = std::max(stopwords, c);
    // Title case is read from the original text's word starts.
    bool at_word_start = true;
    for (std::size_t i = 0; i < b.text.size();) {
      const char32_t c = NextCodePoint(b.text, &i);
      const unsigned bits = Classify(c);
      if ((bits & (kLetter | kCjk)) == kLetter) {
        if (at_word_start) {
          ++alpha_words;
          if (bits & kUpper) ++capitalised;
        }
        at_word_start = false;
      } else {
        at_word_start = (bits & kSpace) || c == '"' || c == '(' || c == 0x201C;
      }
    }
    if (f.words > 0) f.stopword_ratio = static_cast<double>(stopwords) / f.words;
    if (alpha_words > 0) f.title_case = static_cast<double>(capitalised) / alpha_words;
    if (letters > 0) f.cap_ratio = static_cast<double>(upper) / letters;
    if (nonspace > 0) f.digit_ratio = static_cast<double>(digits) / nonspace;
    if (f.chars > 0) f.link_density = static_cast<double>(b.link_chars) / f.chars;
    const int lines = f.chars / 80 + 1;
    f.text_density = static_cast<double>(f.words) / lines;
    f.list_item = b.kind == BlockKind::kListItem;
    f.repeats = counts[b.text] - 1;
    f.position = static_cast<double>(id) / static_cast<double>(doc.blocks.size());
  }
  return out;
}

}  // namespace pith
