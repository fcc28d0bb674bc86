#include "features/stopwords.h"

#include "document/textutil.h"
#include "embedded.h"

namespace pith {

const Stoplists& Stoplists::Default() {
  static const Stoplists* lists = [] {
    auto* s = new Stoplists;
    for (const EmbeddedFile& f : EmbeddedStopwords()) {
      std::string_view name = f.path.substr(f.path.rfind('/') + 1);
      s->Add(std::string(name.substr(0, name.find('.'))), f.content);
    }
    return s;
  }();
  return *lists;
}

void Stoplists::Add(const std::string& language, std::string_view content) {
  auto& set = lists_[language];
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string word = CollapseWhitespace(content.substr(pos, end - pos));
    if (!word.empty() && word[0] != '#') set.insert(LowerUtf8(word));
    pos = end + 1;
  }
}

const std::unordered_set<std::string>* Stoplists::Find(const std::string& language) const {
  auto it = lists_.find(language);
  return it == lists_.end() ? nullptr : &it->second;
}

bool TokenChar(char32_t c, bool in_token) {
  return IsLetter(c) || IsDigit(c) || ((c == '\'' || c == 0x2019) && in_token);
}

char32_t TokenFold(char32_t c) { return ToLower(c == 0x2019 ? U'\'' : c); }

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  ForEachToken(text, [&](const std::string& t) {
    tokens.push_back(t);
    return true;
  });
  return tokens;
}

std::string Stoplists::Detect(const Document& doc) const {
  // The declared language is often a CMS default ("en-US" on a French
  // page): the text decides, the declaration only breaks near-ties.
  const std::string declared = doc.meta.language.substr(0, 2);
  std::unordered_map<std::string, int> hits;
  std::size_t seen = 0, cjk = 0, kana = 0;
  for (const Block& b : doc.blocks) {
    // Link lists (menus, "related" headlines) are often in another language
    // than the article (an English site frame around a Polish story): the
    // page's language is the language of its running text.
    if (b.link_chars * 2 > b.text.size()) continue;
    for (std::size_t i = 0; i < b.text.size();) {
      const char32_t c = NextCodePoint(b.text, &i);
      if (IsCjk(c)) ++cjk;
      if (c >= 0x3040 && c <= 0x30FF) ++kana;
    }
    // Only the first few thousand tokens are read, even of one huge block.
    ForEachToken(b.text, [&](const std::string& t) {
      for (const auto& [lang, set] : lists_)
        if (set.count(t)) ++hits[lang];
      return ++seen <= 5000;
    });
    if (seen > 5000) break;
  }
  if (seen > 0 && cjk * 3 > seen) return kana * 20 > cjk ? "ja" : "zh";
  std::string best;
  int best_hits = 0;
  for (const auto& [lang, n] : hits) {
    if (lang == "zh" || lang == "ja") continue;
    if (n > best_hits || (n == best_hits && lang < best)) {
      best = lang;
      best_hits = n;
    }
  }
  if (!declared.empty() && declared != best && hits.count(declared) && hits[declared] * 10 >= best_hits * 8)
    return declared;
  if (best_hits < 3 && !declared.empty() && Find(declared)) return declared;
  return best_hits >= 3 ? best : "";
}

}  // namespace pith
