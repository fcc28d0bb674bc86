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
  static const RE2 re(R"((\s*(?:[:|｜：>»›/\x{2013}\x{2014}\[\]【】「」]|\s-|-\s)\s*))");
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

bool IsLetterAt(const std::string& s, std::size_t pos) {
  if (pos >= s.size()) return false;
  std::size_t i = pos;
  return IsLetter(NextCodePoint(s, &i));
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
    // Re-insert one space if the removal joined two words.
    if (!out.empty() && out.back() != ' ' && IsLetterAt(text, after) && at > 0 && text[at - 1] != ' ' &&
        !IsCjkText(phrase))
      out.push_back(' ');
  }
  out.append(text, pos, std::string::npos);
  return CollapseWhitespace(out);
}


struct Token {
  std::string text;
  bool capitalised = false;
  std::size_t glue = std::string::npos;  // byte offset of a lower->Upper join inside the token
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
    // A join of a lower-case run of 4+ letters and an upper-case letter
    // ("CircleStreet"; not "McDonald", "MacArthur", "LeBron").
    if (IsUpper(c) && IsLetter(prev) && !IsUpper(prev) && !IsCjk(prev) && letters_before >= 4)
      current.glue = current.text.size();
    letters_before = IsLetter(c) ? letters_before + 1 : 0;
    current.text.append(text, start, i - start);
    prev = c;
  }
  if (!current.text.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// A phrase glued to the next word in an opening sentence, found without any
// header slot: the run of capitalised words that ends at the last
// lower->Upper join of a capitalised run ("...Exchange CircleStreet"),
// keeping only words the rest of the body never uses.
// Every word looked up costs a pass over the body, so only the block's first
// kGlueWindow bytes are read (an opening sentence is much shorter), and each
// word is looked up once.
std::string GluedPhrase(const std::string& text, const std::string& body_lower, const Deadline& deadline) {
  constexpr std::size_t kGlueWindow = 4096;
  std::size_t window = std::min(text.size(), kGlueWindow);
  while (window > 0 && window < text.size() && (static_cast<unsigned char>(text[window]) & 0xC0) == 0x80) --window;
  const std::vector<Token> tokens = SplitTokens(text.substr(0, window));
  std::unordered_map<std::string, std::size_t> uses;
  auto body_uses = [&](const std::string& word) {
    const std::string w = LowerUtf8(word);
    auto it = uses.find(w);
    if (it == uses.end()) it = uses.emplace(w, CountOccurrences(body_lower, w)).first;
    return it->second;
  };
  std::size_t k = 0;
  while (k < tokens.size()) {
    if (deadline.Expired()) return "";
    if (!tokens[k].capitalised) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < tokens.size() && tokens[end].capitalised) ++end;
    // The last join inside this run of capitalised tokens, with at most one
    // capitalised word after it: the sentence resumes right after an
    // injection ("CenterWhite House voiced"), while a join inside a brand
    // name is followed by more of the name ("HexaPoint Wealth Learning").
    std::size_t glued = end;
    for (std::size_t t = k; t < end; ++t)
      if (tokens[t].glue != std::string::npos && end - t <= 2) glued = t;
    if (glued < end) {
      const Token& g = tokens[glued];
      const std::string right = g.text.substr(g.glue);
      if (!right.empty()) {
        std::vector<std::string> words{g.text.substr(0, g.glue)};
        for (std::size_t t = glued; t-- > k;) words.insert(words.begin(), tokens[t].text);
        // Drop leading words the body uses elsewhere ("The", a street name).
        std::size_t first = 0;
        while (first < words.size()) {
          if (body_uses(words[first]) <= 1) break;
          ++first;
        }
        if (words.size() - first >= 2) {
          bool all_foreign = true;
          for (std::size_t t = first; t < words.size(); ++t) all_foreign = all_foreign && body_uses(words[t]) <= 1;
          if (all_foreign) {
            std::string phrase;
            for (std::size_t t = first; t < words.size(); ++t) phrase += (phrase.empty() ? "" : " ") + words[t];
            return phrase;
          }
        }
      }
    }
    k = end;
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
  std::string title = doc.meta.title;
  for (std::size_t i = 0; i < first_kept && slots.size() < 60; ++i) {
    if (CodePoints(doc.blocks[i].text) > 300) continue;
    slots.push_back(doc.blocks[i].text);
    // In plain text the title is the longest unpunctuated header line.
    if (doc.kind == InputKind::kText && !LooksLikeBreadcrumb(doc.blocks[i].text) &&
        CodePoints(doc.blocks[i].text) > CodePoints(title) && CodePoints(doc.blocks[i].text) < 300)
      title = doc.blocks[i].text;
  }
  if (!doc.meta.title.empty()) slots.push_back(doc.meta.title);
  // A date in a dropped header line ("Date:2024-03-01 10:22", "Updated
  // 03.03.2024") is metadata: it leaves the text but not the json.
  static const RE2 kDate(
      R"((\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}/\d{1,2}/\d{1,2}))");
  for (const std::string& slot : slots)
    if (result.date.empty() && CodePoints(slot) < 120) RE2::PartialMatch(slot, kDate, &result.date);

  std::string body;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (verdicts[i].keep) {
      body += doc.blocks[i].text;
      body += '\n';
    }

  // Candidates: slot segments of a plausible phrase length.
  std::set<std::string> candidates;
  for (const std::string& slot : slots)
    for (const std::string& part : SplitSlot(slot)) {
      const bool cjk = IsCjkText(part);
      const int size = cjk ? static_cast<int>(CodePoints(part)) / 2 : static_cast<int>(Tokenize(part).size());
      if (size >= o.min_words && size <= o.max_words) candidates.insert(part);
    }

  for (const std::string& phrase : candidates) {
    if (deadline.Expired()) return result;
    int slot_hits = 0;
    for (const std::string& slot : slots) slot_hits += slot.find(phrase) != std::string::npos;
    std::size_t uses = 0, glued = 0;
    for (std::size_t p = body.find(phrase); p != std::string::npos; p = body.find(phrase, p + 1)) {
      ++uses;
      const std::size_t end = p + phrase.size();
      if (IsLetterAt(body, end) || (p > 0 && IsLetterAt(body, p - 1) && body[p - 1] != ' ')) ++glued;
    }
    if (slot_hits < 2 && glued == 0) continue;
    if (uses > static_cast<std::size_t>(o.max_body_uses)) continue;
    // In the body only a glued occurrence ("...CenterWhite House") betrays
    // an injection; a header phrase the body uses normally (a place name in
    // the breadcrumb and the first sentence) is the article's own.
    if (uses > 0 && glued == 0) continue;
    // Foreign to the body: its meaningful words are not used elsewhere.
    std::string rest = body;
    for (std::size_t p = rest.find(phrase); p != std::string::npos; p = rest.find(phrase, p))
      rest.erase(p, phrase.size());
    const std::string rest_lower = LowerUtf8(rest);
    const std::vector<std::string> tokens = MeaningfulTokens(phrase);
    if (tokens.empty()) continue;
    std::size_t familiar = 0;
    for (const std::string& t : tokens) familiar += CountOccurrences(rest_lower, t) > 0;
    if (familiar * 3 > tokens.size()) continue;
    result.phrases.push_back(phrase);
  }
  // Even without header evidence, an opening paragraph can betray a phrase
  // glued to the next word.
  {
    const std::string body_lower = LowerUtf8(body);
    int looked = 0;
    for (std::size_t i = 0; i < doc.blocks.size() && looked < o.glue_blocks; ++i) {
      if (!verdicts[i].keep) continue;
      ++looked;
      const std::string phrase = GluedPhrase(doc.blocks[i].text, body_lower, deadline);
      const bool known = std::any_of(result.phrases.begin(), result.phrases.end(), [&](const std::string& p) {
        return p.find(phrase) != std::string::npos || phrase.find(p) != std::string::npos;
      });
      if (!phrase.empty() && !known) result.phrases.push_back(phrase);
    }
  }
  // Longer phrases first, so a phrase that contains another is removed whole.
  std::sort(result.phrases.begin(), result.phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (deadline.Expired()) return result;
    if (!verdicts[i].keep) continue;
    std::string text = doc.blocks[i].text;
    for (const std::string& phrase : result.phrases)
      if (text.find(phrase) != std::string::npos) text = RemovePhrase(text, phrase);
    if (text != doc.blocks[i].text) result.block_text[i] = text;
  }

  // Title: drop injected phrases, then a trailing site name (after " - ",
  // " | "...) that is the declared site name or foreign to the body.
  std::string clean_title = CollapseWhitespace(title);
  for (const std::string& phrase : result.phrases)
    if (clean_title.find(phrase) != std::string::npos) clean_title = RemovePhrase(clean_title, phrase);
  static const RE2 kSuffix(R"((.+?)\s*(?:\s[-|\x{2013}\x{2014}]|[|｜]|\s::)\s*([^-|｜]{2,60})$)");
  std::string head, suffix;
  if (RE2::FullMatch(clean_title, kSuffix, &head, &suffix)) {
    const auto tokens = MeaningfulTokens(suffix);
    const std::string body_lower = LowerUtf8(body);
    std::size_t familiar = 0;
    for (const auto& t : tokens) familiar += body_lower.find(t) != std::string::npos;
    const bool site = suffix == doc.meta.site_name || (Tokenize(suffix).size() <= 5 && familiar * 2 <= tokens.size());
    if (site && CodePoints(head) >= 10) {
      result.site_suffix = CollapseWhitespace(suffix);
      clean_title = CollapseWhitespace(head);
    }
  }
  result.title = clean_title;
  return result;
}

}  // namespace pith
