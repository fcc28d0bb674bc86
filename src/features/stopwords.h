// stopwords: per-language lists of function words (data/stopwords/*.txt,
// compiled in) and a language guess from them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "document/textutil.h"

namespace pith {

// The languages whose lists hold a word: bit i stands for Stoplists::Bit's
// i-th language.
using LanguageSet = std::uint64_t;

class Stoplists {
 public:
  // The lists compiled into the binary.
  static const Stoplists& Default();

  // Parses one list ("# comment" lines, one word per line). At most 64
  // languages.
  void Add(const std::string& language, std::string_view content);

  // The bit of `language` in a LanguageSet; 0 when there is no such list.
  LanguageSet Bit(const std::string& language) const;

  // The languages whose list holds `token` (a lower-cased token as
  // ForEachToken gives it). One hash lookup for all lists.
  LanguageSet Languages(std::string_view token) const;

  // The page's language: the list with the most hits over the first few
  // thousand tokens (kana -> ja, other CJK -> zh); the lang attribute or
  // meta tag wins only a near-tie, or when the text says nothing. Empty when
  // nothing matches.
  std::string Detect(const Document& doc) const;

 private:
  struct Hash {
    using is_transparent = void;  // look up string_views without a copy
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::vector<std::string> languages_;  // bit i = languages_[i]
  std::unordered_map<std::string, LanguageSet, Hash, std::equal_to<>> words_;
};

// Calls token(std::string_view) for each lower-cased word token of text in
// order; every CJK character is a token. The view lasts for the call only.
// Stops early when token returns false: a paragraph of many megabytes costs
// no memory per token, and a reader that needs only the first tokens reads
// only those.
template <typename TokenFn>
void ForEachToken(std::string_view text, TokenFn&& token) {
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (IsCjk(c)) {
      if (!current.empty() && !token(std::string_view(current))) return;
      current.clear();
      if (!token(text.substr(start, i - start))) return;
    } else if (IsLetter(c) || IsDigit(c) || ((c == '\'' || c == 0x2019) && !current.empty())) {
      AppendUtf8(ToLower(c == 0x2019 ? U'\'' : c), &current);
    } else if (!current.empty()) {
      if (!token(std::string_view(current))) return;
      current.clear();
    }
  }
  if (!current.empty()) token(std::string_view(current));
}

// The tokens of ForEachToken as strings.
std::vector<std::string> Tokenize(std::string_view text);

}  // namespace pith
