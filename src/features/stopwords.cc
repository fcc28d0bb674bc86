#include "features/stopwords.h"

#include <algorithm>
#include <bit>
#include <cstdlib>

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
  LanguageSet bit = Bit(language);
  if (bit == 0) {
    if (languages_.size() == 64) std::abort();  // LanguageSet has 64 bits; a packaging bug
    bit = LanguageSet{1} << languages_.size();
    languages_.push_back(language);
  }
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string word = CollapseWhitespace(content.substr(pos, end - pos));
    if (!word.empty() && word[0] != '#') {
      const std::string lower = LowerUtf8(word);
      if (2 * (used_ + 1) > slots_.size()) Grow();
      Slot& slot = slots_[Find(lower)];
      if (slot.size == 0) {
        slot.offset = static_cast<std::uint32_t>(words_.size());
        slot.size = static_cast<std::uint32_t>(lower.size());
        words_ += lower;
        ++used_;
      }
      slot.languages |= bit;
    }
    pos = end + 1;
  }
}

std::uint64_t Stoplists::Hash(std::string_view word) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a: words are short
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::size_t Stoplists::Find(std::string_view word) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Hash(word) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.size == 0 || std::string_view(words_).substr(slot.offset, slot.size) == word) return i;
  }
}

void Stoplists::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot());
  for (const Slot& slot : old)
    if (slot.size != 0) slots_[Find(std::string_view(words_).substr(slot.offset, slot.size))] = slot;
}

LanguageSet Stoplists::Bit(const std::string& language) const {
  for (std::size_t i = 0; i < languages_.size(); ++i)
    if (languages_[i] == language) return LanguageSet{1} << i;
  return 0;
}

LanguageSet Stoplists::Languages(std::string_view token) const {
  if (slots_.empty() || token.empty()) return 0;
  return slots_[Find(token)].languages;
}

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  ForEachToken(text, [&](std::string_view t) {
    tokens.emplace_back(t);
    return true;
  });
  return tokens;
}

std::string Stoplists::Detect(const Document& doc) const {
  // The declared language is often a CMS default ("en-US" on a French
  // page): the text decides, the declaration only breaks near-ties.
  const std::string declared = doc.meta.language.substr(0, 2);
  std::vector<int> hits(languages_.size());  // by language index
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
    ForEachToken(b.text, [&](std::string_view t) {
      for (LanguageSet in = Languages(t); in != 0; in &= in - 1) ++hits[std::countr_zero(in)];
      return ++seen <= 5000;
    });
    if (seen > 5000) break;
  }
  if (seen > 0 && cjk * 3 > seen) return kana * 20 > cjk ? "ja" : "zh";
  std::string best;
  int best_hits = 0;
  int declared_hits = 0;
  for (std::size_t l = 0; l < languages_.size(); ++l) {
    const std::string& lang = languages_[l];
    if (lang == declared) declared_hits = hits[l];
    if (lang == "zh" || lang == "ja") continue;
    if (hits[l] > best_hits || (hits[l] > 0 && hits[l] == best_hits && lang < best)) {
      best = lang;
      best_hits = hits[l];
    }
  }
  if (!declared.empty() && declared != best && declared_hits > 0 && declared_hits * 10 >= best_hits * 8)
    return declared;
  if (best_hits < 3 && !declared.empty() && Bit(declared) != 0) return declared;
  return best_hits >= 3 ? best : "";
}

}  // namespace pith
