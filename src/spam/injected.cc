#include "spam/injected.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "document/textutil.h"
#include "features/stopwords.h"

namespace pith {
namespace {

// Separators between the parts of a header slot ("Home > News", "Brand:Title",
// "Title - Site", "Title | Site").
const RE2& SeparatorRe() {
  static const RE2 re(R"((\s*(?:[:|｜丨：>»›/／_\x{2013}\x{2014}\[\]【】「」]|\s-|-\s)\s*))");
  return re;
}

std::vector<std::string> SplitSlot(const std::string& slot) {
  std::vector<std::string> parts;
  re2::StringPiece input(slot);
  re2::StringPiece separator;
  std::size_t start = 0;
  while (RE2::PartialMatch(input, SeparatorRe(), &separator) && !separator.empty()) {
    const std::size_t at = static_cast<std::size_t>(separator.data() - slot.data());
    parts.push_back(CollapseWhitespace(slot.substr(start, at - start)));
    start = at + separator.size();
    input = re2::StringPiece(slot.data() + start, slot.size() - start);
  }
  parts.push_back(CollapseWhitespace(slot.substr(start)));
  parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
  return parts;
}

// Breadcrumb trails ("Home > News", "Start / Politik") are never the title.
bool LooksLikeBreadcrumb(const std::string& line) {
  static const RE2 re(R"([>»›]|\s/\s)");
  return RE2::PartialMatch(line, re);
}

std::size_t CountOccurrences(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

bool IsCjkText(const std::string& s) {
  std::size_t cjk = 0, all = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, &i);
    if (IsSpace(c)) continue;
    ++all;
    if (IsCjk(c)) ++cjk;
  }
  return all > 0 && cjk * 2 > all;
}

// Word tokens of a phrase that carry meaning (4+ characters, or CJK pairs).
std::vector<std::string> MeaningfulTokens(const std::string& phrase) {
  std::vector<std::string> tokens = Tokenize(phrase);
  std::vector<std::string> out;
  if (IsCjkText(phrase)) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) out.push_back(tokens[i] + tokens[i + 1]);
    return out;
  }
  for (std::string& t : tokens)
    if (CodePoints(t) >= 4) out.push_back(std::move(t));
  return out;
}

// How many of a header line's meaningful words the article uses after its
// first paragraph, where a phrase glued into the opening sentence is not
// found but the words of the headline usually are; read up to 16 KiB.
std::size_t SharedWords(const std::string& line, const std::string& body) {
  constexpr std::size_t kRead = 16384;
  const std::size_t from = std::min(body.find('\n'), body.size());
  std::size_t cut = std::min(body.size(), from + kRead);
  while (cut > from && cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  const std::string opening = LowerUtf8(std::string_view(body).substr(from, cut - from));
  std::size_t shared = 0;
  for (const std::string& t : MeaningfulTokens(line)) shared += opening.find(t) != std::string::npos;
  return shared;
}

// Whether the occurrence of a phrase at [at, at + size) in `text` is glued
// to a neighbouring word: in CJK text any letter next to it, in cased
// scripts a lower->Upper join ("CenterWhite"). A phrase that is the start
// of a longer word ("Über uns" in "Über unsere") is not glued, it is a
// different word.
bool GluedAt(const std::string& text, std::size_t at, std::size_t size) {
  const std::size_t end = at + size;
  auto last_of = [&](std::size_t pos) {  // code point ending before pos
    std::size_t back = pos;
    while (back > 0 && (static_cast<unsigned char>(text[back - 1]) & 0xC0) == 0x80) --back;
    if (back > 0) --back;
    std::size_t i = back;
    return NextCodePoint(text, &i);
  };
  if (end < text.size()) {
    std::size_t i = end;
    const char32_t next = NextCodePoint(text, &i);
    const char32_t last = last_of(end);
    if (IsLetter(next) && (IsCjk(next) || IsCjk(last) || (IsUpper(next) && !IsUpper(last)))) return true;
  }
  if (at > 0) {
    std::size_t i = at;
    const char32_t first = NextCodePoint(text, &i);
    const char32_t prev = last_of(at);
    if (IsLetter(prev) && (IsCjk(prev) || IsCjk(first) || (IsUpper(first) && !IsUpper(prev)))) return true;
  }
  return false;
}

// A title part left with a separator at either end ("Headline |") loses it.
std::string TrimSeparators(const std::string& title) {
  static const RE2 re(R"(^[\s:|｜丨：>»›/／_•·\x{2013}\x{2014}-]+|[\s:|｜丨：>»›/／_•·\x{2013}\x{2014}-]+$)");
  std::string out = title;
  RE2::GlobalReplace(&out, re, "");
  return out;
}

// A page may write a phrase one way in its header and another in the text:
// full-width Latin letters and digits ("Ｓｕｍｍｉｔ") for ASCII, and a
// space more or less between a CJK character and its neighbour ("Summit
// 恒远" for "Summit恒远"). Such spellings are the same phrase; case and
// everything else must match exactly.
char32_t FoldWidth(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  return IsSpace(c) ? U' ' : c;
}

// Whether a page needs the loose comparison at all: only CJK text and
// full-width forms have other spellings.
bool HasOtherSpellings(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, &i);
    if (IsCjk(c) || (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000) return true;
  }
  return false;
}

// The code points of a phrase, width-folded, each run of spaces one ' '.
std::u32string Folded(const std::string& phrase) {
  std::u32string out;
  for (std::size_t i = 0; i < phrase.size();) {
    const char32_t c = FoldWidth(NextCodePoint(phrase, &i));
    if (c == U' ' && (out.empty() || out.back() == U' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

// The end of a spelling of `folded` that starts at text[at], or npos.
std::size_t MatchSpellingAt(const std::string& text, std::size_t at, const std::u32string& folded) {
  std::size_t i = at;
  auto skip_spaces = [&] {
    bool any = false;
    while (i < text.size()) {
      std::size_t next = i;
      if (!IsSpace(NextCodePoint(text, &next))) break;
      i = next;
      any = true;
    }
    return any;
  };
  char32_t prev = 0;  // the last phrase code point matched that is not a space
  for (std::size_t k = 0; k < folded.size(); ++k) {
    const char32_t want = folded[k];
    if (want == U' ') {
      // One space or more; beside CJK also none ("Summit恒远").
      if (!skip_spaces() && !IsCjk(prev) && !IsCjk(folded[k + 1])) return std::string::npos;
      continue;
    }
    // A space the phrase does not write, beside CJK ("Summit 恒远").
    if (k > 0 && folded[k - 1] != U' ' && (IsCjk(prev) || IsCjk(want))) skip_spaces();
    if (i >= text.size()) return std::string::npos;
    std::size_t next = i;
    if (FoldWidth(NextCodePoint(text, &next)) != want) return std::string::npos;
    prev = want;
    i = next;
  }
  return i;
}

// Every spelling of `phrase` in `text` as [start, end) byte ranges; with
// `loose` false only the exact one.
std::vector<std::pair<std::size_t, std::size_t>> FindSpellings(const std::string& text, const std::string& phrase,
                                                             bool loose) {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (phrase.empty()) return found;
  if (!loose) {
    for (std::size_t p = text.find(phrase); p != std::string::npos; p = text.find(phrase, p + phrase.size()))
      found.emplace_back(p, p + phrase.size());
    return found;
  }
  const std::u32string folded = Folded(phrase);
  if (folded.empty()) return found;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    if (FoldWidth(NextCodePoint(text, &i)) != folded[0]) continue;
    if (const std::size_t end = MatchSpellingAt(text, at, folded); end != std::string::npos) {
      found.emplace_back(at, end);
      i = end;
    }
  }
  return found;
}

// `s` width-folded, as UTF-8.
std::string FoldedUtf8(const std::string& s) {
  std::string out;
  for (const char32_t c : Folded(s)) AppendUtf8(c, &out);
  return out;
}

// Whether `part` is a spelling of `phrase`, whole.
bool SameSpelling(const std::string& part, const std::string& phrase) {
  if (part == phrase) return true;
  const std::u32string folded = Folded(phrase);
  return !folded.empty() && MatchSpellingAt(part, 0, folded) == part.size();
}

// Removes every occurrence of `phrase` from `text`, restoring the spacing the
// sentence had before the injection.
std::string RemovePhrase(const std::string& text, const std::string& phrase) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, pos)) {
    out.append(text, pos, at - pos);
    std::size_t after = at + phrase.size();
    // "Brand: Title" / "Brand：" — the separator goes with the phrase.
    while (after < text.size() && (text[after] == ':' || text[after] == ' ')) ++after;
    if (text.compare(after, 3, "\xEF\xBC\x9A") == 0) after += 3;
    pos = after;
    // Re-insert one space if the removal joined two words of a spaced
    // script ("The Brand White" -> "The White"); CJK neighbours join.
    if (!out.empty() && out.back() != ' ' && at > 0 && text[at - 1] != ' ' && after < text.size()) {
      std::size_t i = after;
      const char32_t next = NextCodePoint(text, &i);
      std::size_t back = out.size() - 1;
      while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80) --back;
      const char32_t prev = NextCodePoint(out, &back);
      if (IsLetter(next) && IsLetter(prev) && !IsCjk(next) && !IsCjk(prev)) out.push_back(' ');
    }
  }
  out.append(text, pos, std::string::npos);
  // Only the edges are trimmed: the lines of a block (list items, verses)
  // keep their breaks.
  const std::size_t begin = out.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return out.substr(begin, out.find_last_not_of(' ') + 1 - begin);
}


// Lower-cased whole-word counts of a text (CJK: one character a word).
using WordCounts = std::unordered_map<std::string, int>;

WordCounts CountWords(const std::string& text) {
  WordCounts counts;
  for (std::string& w : Tokenize(text)) ++counts[std::move(w)];
  return counts;
}

int Uses(const WordCounts& counts, const std::string& word) {
  int most = 0;
  // A word such as "Saint-Aubin" is two tokens: the rarer one decides.
  for (const std::string& t : Tokenize(word)) {
    const auto it = counts.find(t);
    const int n = it == counts.end() ? 0 : it->second;
    most = most == 0 ? n : std::min(most, n);
  }
  return most;
}

struct Token {
  std::string text;
  bool capitalised = false;
  std::size_t glue = std::string::npos;  // byte offset of a lower->Upper join inside the token
  int glue_left = 0;                     // letters of the word part before that join ("Hub" in "HubArenales")
};

std::vector<Token> SplitTokens(const std::string& text) {
  std::vector<Token> tokens;
  Token current;
  char32_t prev = 0;
  int letters_before = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (IsSpace(c)) {
      if (!current.text.empty()) tokens.push_back(std::move(current));
      current = Token();
      prev = 0;
      letters_before = 0;
      continue;
    }
    if (current.text.empty()) current.capitalised = IsUpper(c);
    // A join of a lower-case letter and an upper-case one ("CenterWhite",
    // "HubArenales", but also "McDonald", "MacArthur", "LeBron"): the
    // caller weighs it by the length of the run before the join.
    if (IsUpper(c) && IsLetter(prev) && !IsUpper(prev) && !IsCjk(prev) && letters_before >= 2) {
      current.glue = current.text.size();
      current.glue_left = letters_before;
    }
    // Letters of the current word part: an upper-case letter starts a new
    // one ("Switch|Res|X"), anything but a letter ends it.
    letters_before = !IsLetter(c) ? 0 : IsUpper(c) ? 1 : letters_before + 1;
    current.text.append(text, start, i - start);
    prev = c;
  }
  if (!current.text.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// A word as a name is written: letters and digits, joined by at most a
// hyphen, an apostrophe or "&" ("Saint-Aubin", "O'Neil"). Words carrying
// punctuation ("Credit:", "History.", "T./Adobe") belong to captions,
// credits and sentences, not to a glued-in name.
bool PlainWord(const std::string& word) {
  bool joined = true;  // no joiner first
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = NextCodePoint(word, &i);
    if (IsLetter(c) || IsDigit(c)) {
      joined = false;
    } else if ((c == '-' || c == '\'' || c == 0x2019 || c == '&') && !joined) {
      joined = true;
    } else {
      return false;
    }
  }
  return !joined;
}

// A phrase glued to the next word in an opening sentence, found without any
// header slot: the run of capitalised words that ends at the last
// lower->Upper join of a capitalised run ("...Exchange CircleStreet"),
// keeping only words the body uses nowhere else.
//
// The join itself is the weaker evidence the shorter the run before it:
// after four or more letters ("CircleStreet") two foreign words suffice;
// after three ("HubArenales", but also "MacArthur") it takes four foreign
// capitalised words in a row, which a person's name and title rarely are;
// after two ("McDonald", "LeBron") it is never glue. The glued token itself
// must not recur: a real CamelCase name ("BlackRock") is used again.
//
// Only the block's first kGlueWindow bytes are read: an opening sentence is
// much shorter, and a huge paragraph must not cost a pass per word.
std::string GluedPhrase(const std::string& text, const WordCounts& body_words, const InjectionOptions& o,
                        const Deadline& deadline) {
  constexpr std::size_t kGlueWindow = 4096;
  std::size_t window = std::min(text.size(), kGlueWindow);
  while (window > 0 && window < text.size() && (static_cast<unsigned char>(text[window]) & 0xC0) == 0x80) --window;
  const std::vector<Token> tokens = SplitTokens(text.substr(0, window));
  std::size_t k = 0;
  while (k < tokens.size()) {
    if (deadline.Expired()) return "";
    if (!tokens[k].capitalised) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < tokens.size() && tokens[end].capitalised) ++end;
    // The last join inside this run of capitalised tokens where the
    // sentence resumes: with at most one capitalised word after it
    // ("CenterWhite House voiced"), or with words the body uses elsewhere
    // ("CircleThe City Council voted", "InstituteBrenton City Hall" in a
    // story about the city). A join inside a brand name is followed by
    // more of the name, as foreign as the rest ("HexaPoint Wealth Learning").
    auto resumes = [&](std::size_t t) {
      if (end - t <= 2 || Uses(body_words, tokens[t].text.substr(tokens[t].glue)) > 1) return true;
      for (std::size_t u = t + 1; u < end; ++u)
        if (Uses(body_words, tokens[u].text) > 1) return true;
      return false;
    };
    std::size_t glued = end;
    for (std::size_t t = k; t < end; ++t)
      if (tokens[t].glue != std::string::npos && resumes(t)) glued = t;
    if (glued < end && tokens[glued].glue_left >= 3 && Uses(body_words, tokens[glued].text) <= 1) {
      const Token& g = tokens[glued];
      std::vector<std::string> words{g.text.substr(0, g.glue)};
      for (std::size_t t = glued; t-- > k;) words.insert(words.begin(), tokens[t].text);
      // The phrase is the run of plain words used nowhere else that ends
      // at the join; the words before it are the article's ("The", the
      // start of a name the phrase was pushed into: "Brenton City").
      std::size_t first = words.size();
      while (first > 0 && PlainWord(words[first - 1]) && Uses(body_words, words[first - 1]) <= 1) --first;
      const std::size_t needed =
          g.glue_left >= 4 ? 2 : static_cast<std::size_t>(std::max(2, o.short_glue_words));
      if (words.size() - first >= needed) {
        std::string phrase;
        for (std::size_t t = first; t < words.size(); ++t) phrase += (phrase.empty() ? "" : " ") + words[t];
        return phrase;
      }
    }
    k = end;
  }
  return "";
}

// CJK characters and the full-width punctuation written between them.
bool IsCjkOrMark(char32_t c) { return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

// A run of Latin-script words written straight into CJK text, with no
// space on either side ("青禾市Crimson Fund Exchange Circle交通运输局"),
// found without any header slot. CJK prose quotes Latin names too, so it
// takes `embedded_words` capitalised words, each used nowhere else in the
// body, and a run the title does not mention.
std::string EmbeddedPhrase(const std::string& text, const WordCounts& body_words, const std::string& title,
                           const InjectionOptions& o) {
  std::size_t i = 0;
  bool after_cjk = true;  // the start of the block counts as a boundary
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    if (IsCjkOrMark(c)) {
      after_cjk = true;
      continue;
    }
    if (!after_cjk || !IsLetter(c)) {
      after_cjk = false;
      continue;
    }
    // A run of letters, digits and single spaces up to the next CJK character.
    std::size_t end = i;
    bool closed = false;
    for (std::size_t j = i; j < text.size();) {
      const std::size_t before = j;
      const char32_t d = NextCodePoint(text, &j);
      if (IsCjkOrMark(d)) {
        end = before;
        closed = true;
        break;
      }
      if (!IsLetter(d) && !IsDigit(d) && d != ' ') break;
      end = j;
    }
    after_cjk = false;
    if (!closed) continue;
    const std::string run = CollapseWhitespace(text.substr(at, end - at));
    i = end;
    const std::vector<Token> words = SplitTokens(run);
    if (static_cast<int>(words.size()) < o.embedded_words) continue;
    bool foreign = title.find(run) == std::string::npos;
    for (const Token& w : words) foreign = foreign && w.capitalised && Uses(body_words, w.text) <= 1;
    if (foreign && text.find(run) == at) return run;
  }
  return "";
}
}  // namespace

Injection FindInjectedPhrases(const Document& doc, const std::vector<Verdict>& verdicts,
                              const InjectionOptions& o, const Deadline& deadline) {
  Injection result;
  result.block_text.assign(doc.blocks.size(), "");

  // Slots: the title and the dropped lines before the body.
  std::vector<std::string> slots;
  std::size_t first_kept = doc.blocks.size();
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (verdicts[i].keep) {
      first_kept = i;
      break;
    }
  std::string body;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (verdicts[i].keep) {
      body += doc.blocks[i].text;
      body += '\n';
    }

  std::string title = doc.meta.title;
  std::pair<std::size_t, std::size_t> title_score{0, CodePoints(title)};
  for (std::size_t i = 0; i < first_kept && slots.size() < 60; ++i) {
    if (CodePoints(doc.blocks[i].text) > 300) continue;
    slots.push_back(doc.blocks[i].text);
    // In plain text the title is the header line that shares the most
    // words with the article, the longest of those that tie: a "Source:
    // <Brand>" line may be longer, but the headline is about the article.
    if (doc.kind == InputKind::kText && !LooksLikeBreadcrumb(doc.blocks[i].text)) {
      const std::pair<std::size_t, std::size_t> score{SharedWords(doc.blocks[i].text, body),
                                                      CodePoints(doc.blocks[i].text)};
      if (score > title_score) {
        title = doc.blocks[i].text;
        title_score = score;
      }
    }
  }
  if (!doc.meta.title.empty()) slots.push_back(doc.meta.title);
  // Declared keywords are a header slot too, one slot per keyword.
  std::vector<std::string> keywords;
  {
    static const RE2 kKeywordSeparator(R"(\s*[,;，；、|｜]\s*)");
    std::string list = doc.meta.keywords;
    RE2::GlobalReplace(&list, kKeywordSeparator, "\n");
    std::size_t start = 0;
    while (start <= list.size() && keywords.size() < 30) {
      const std::size_t end = std::min(list.find('\n', start), list.size());
      if (std::string k = CollapseWhitespace(list.substr(start, end - start)); !k.empty()) keywords.push_back(k);
      start = end + 1;
    }
  }
  // A date in a dropped header line ("Date:2024-03-01 10:22", "Updated
  // 03.03.2024") is metadata: it leaves the text but not the json.
  static const RE2 kDate(
      R"((\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}/\d{1,2}/\d{1,2}))");
  for (const std::string& slot : slots)
    if (result.date.empty() && CodePoints(slot) < 120) RE2::PartialMatch(slot, kDate, &result.date);

  // Candidates: slot segments of a plausible phrase length.
  std::set<std::string> candidates;
  auto consider = [&](const std::string& part) {
    // Full-width letters ("Ｗｅａｌｔｈ") are words like their ASCII forms.
    const std::string plain = FoldedUtf8(part);
    const bool cjk = IsCjkText(plain);
    const int size = cjk ? static_cast<int>(CodePoints(plain)) / 2 : static_cast<int>(Tokenize(plain).size());
    if (size >= o.min_words && size <= o.max_words) candidates.insert(part);
  };
  for (const std::string& slot : slots)
    for (const std::string& part : SplitSlot(slot)) consider(part);
  for (const std::string& keyword : keywords) consider(keyword);

  const WordCounts body_words = CountWords(body);
  // The headline is the title's longest part; it recurs in header slots
  // (title, heading, breadcrumb) and may be absent from the body, but it is
  // never an injection.
  std::string headline;
  std::size_t headline_words = 0;
  for (const std::string& part : SplitSlot(title))
    if (const std::size_t n = Tokenize(part).size(); n > headline_words) {
      headline = part;
      headline_words = n;
    }
  // CJK pages and full-width letters allow other spellings of a phrase.
  const bool loose = HasOtherSpellings(body);
  for (const std::string& candidate : candidates) {
    if (deadline.Expired()) return result;
    if (candidate == headline) continue;
    const bool loose_candidate = loose || HasOtherSpellings(candidate);
    int slot_hits = 0;
    for (const std::string& slot : slots) slot_hits += !FindSpellings(slot, candidate, loose_candidate).empty();
    const bool keyword = std::any_of(keywords.begin(), keywords.end(),
                                     [&](const std::string& k) { return SameSpelling(k, candidate); });
    // Keywords alone are weak evidence (pages list the topics they are
    // about): they count only for a glued phrase entirely foreign to the body.
    const bool keyword_only = keyword && slot_hits == 0;
    slot_hits += keyword;
    // The body's own spelling of the phrase is what gets removed.
    const auto spellings = FindSpellings(body, candidate, loose_candidate);
    const std::string phrase =
        spellings.empty() ? candidate : body.substr(spellings[0].first, spellings[0].second - spellings[0].first);
    const std::size_t uses = spellings.size();
    std::size_t glued = 0;
    for (const auto& [start, end] : spellings) glued += GluedAt(body, start, end - start);
    if (slot_hits < 2 && glued == 0) continue;
    if (uses > static_cast<std::size_t>(o.max_body_uses)) continue;
    // In the body only a glued occurrence ("...CenterWhite House") betrays
    // an injection; a header phrase the body uses normally (a place name in
    // the breadcrumb and the first sentence) is the article's own.
    if (uses > 0 && glued == 0) continue;
    // Seen in the header only, a phrase can also be a kicker or subtitle
    // ("Kicker: Headline"); only one much shorter than the headline is
    // taken for a brand.
    if (uses == 0 && Tokenize(phrase).size() * 2 > headline_words) continue;
    // Foreign to the body: its meaningful words are not used elsewhere.
    std::string rest = body;
    for (auto s = spellings.rbegin(); s != spellings.rend(); ++s) rest.erase(s->first, s->second - s->first);
    const std::string rest_lower = LowerUtf8(loose_candidate ? FoldedUtf8(rest) : rest);
    const std::vector<std::string> tokens = MeaningfulTokens(loose_candidate ? FoldedUtf8(phrase) : phrase);
    if (tokens.empty()) continue;
    std::size_t familiar = 0;
    for (const std::string& t : tokens) familiar += CountOccurrences(rest_lower, t) > 0;
    if (familiar * 3 > tokens.size()) continue;
    if (keyword_only && (glued == 0 || familiar > 0)) continue;
    result.phrases.push_back(phrase);
    for (const auto& [start, end] : spellings)
      if (std::string other = body.substr(start, end - start); other != phrase) result.phrases.push_back(other);
  }
  // Even without header evidence, an opening paragraph can betray a phrase
  // glued to the next word, or Latin words written into CJK prose.
  {
    int looked = 0;
    for (std::size_t i = 0; i < doc.blocks.size() && looked < o.glue_blocks; ++i) {
      if (!verdicts[i].keep) continue;
      ++looked;
      for (const std::string& phrase : {GluedPhrase(doc.blocks[i].text, body_words, o, deadline),
                                        EmbeddedPhrase(doc.blocks[i].text, body_words, title, o)}) {
        const bool known = std::any_of(result.phrases.begin(), result.phrases.end(), [&](const std::string& p) {
          return p.find(phrase) != std::string::npos || phrase.find(p) != std::string::npos;
        });
        if (!phrase.empty() && !known) result.phrases.push_back(phrase);
      }
    }
  }
  // Longer phrases first, so a phrase that contains another is removed whole.
  std::sort(result.phrases.begin(), result.phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  // Only what was removed from the kept text or the title is reported.
  std::vector<bool> removed(result.phrases.size(), false);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (deadline.Expired()) return result;
    if (!verdicts[i].keep) continue;
    std::string text = doc.blocks[i].text;
    for (std::size_t k = 0; k < result.phrases.size(); ++k)
      if (text.find(result.phrases[k]) != std::string::npos) {
        text = RemovePhrase(text, result.phrases[k]);
        removed[k] = true;
      }
    if (text != doc.blocks[i].text) result.block_text[i] = text;
  }

  // Title: drop injected phrases, then a trailing site name (after " - ",
  // " | "...) that is the declared site name or foreign to the body.
  // A phrase leaves the title only as a whole part at either end
  // ("Brand: Headline", "[Brand] Headline", "Headline - Brand"), never from
  // inside the headline.
  std::string clean_title = CollapseWhitespace(title);
  for (std::size_t k = 0; k < result.phrases.size(); ++k) {
    const std::string& phrase = result.phrases[k];
    const std::vector<std::string> parts = SplitSlot(clean_title);
    if (parts.size() < 2) continue;
    // The title may spell the phrase its own way.
    const std::string& part = SameSpelling(parts.front(), phrase) ? parts.front()
                              : SameSpelling(parts.back(), phrase) ? parts.back()
                                                                   : phrase;
    if (part == phrase && parts.front() != phrase && parts.back() != phrase) continue;
    clean_title = TrimSeparators(RemovePhrase(clean_title, part));
    removed[k] = true;
  }
  std::vector<std::string> reported;
  for (std::size_t k = 0; k < result.phrases.size(); ++k)
    if (removed[k]) reported.push_back(result.phrases[k]);
  result.phrases = std::move(reported);
  static const RE2 kSuffix(R"((.+?)\s*(?:\s[-|\x{2013}\x{2014}]|[|｜丨]|\s::)\s*([^-|｜丨]{2,60})$)");
  std::string head, suffix;
  if (RE2::FullMatch(clean_title, kSuffix, &head, &suffix)) {
    const auto tokens = MeaningfulTokens(suffix);
    const std::string body_lower = LowerUtf8(body);
    std::size_t familiar = 0;
    for (const auto& t : tokens) familiar += body_lower.find(t) != std::string::npos;
    const bool site = suffix == doc.meta.site_name || (Tokenize(suffix).size() <= 5 && familiar * 2 <= tokens.size());
    if (site && CodePoints(head) >= 10) {
      result.site_suffix = CollapseWhitespace(suffix);
      clean_title = TrimSeparators(CollapseWhitespace(head));
    }
  }
  result.title = clean_title;
  return result;
}

}  // namespace pith
