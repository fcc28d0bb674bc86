// stopwords: per-language lists of function words (data/stopwords/*.txt,
// compiled in) and a language guess from them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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
  // ForEachToken gives it). One probe of a flat table for all lists: it runs
  // for every word of every block.
  LanguageSet Languages(std::string_view token) const;

  // The page's language: the list with the most hits over the first few
  // thousand tokens (kana -> ja, other CJK -> zh); the lang attribute or
  // meta tag wins only a near-tie, or when the text says nothing. Empty when
  // nothing matches.
  std::string Detect(const Document& doc) const;

 private:
  // An open-addressing table (linear probing, at most half full) over one
  // buffer of the words: a lookup touches a slot and the word's bytes, where
  // an unordered_map chased a bucket, a node and the node's string.
  struct Slot {
    std::uint32_t offset = 0;  // of the word in words_
    std::uint32_t size = 0;    // 0: empty slot
    LanguageSet languages = 0;
  };
  static std::uint64_t Hash(std::string_view word);
  // The slot holding `word`, or the empty slot where it would go.
  std::size_t Find(std::string_view word) const;
  void Grow();

  std::vector<std::string> languages_;  // bit i = languages_[i]
  std::string words_;                   // the words, one after the other
  std::vector<Slot> slots_;             // a power of two in size
  std::size_t used_ = 0;                // slots holding a word
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
