// stopwords: per-language lists of function words (data/stopwords/*.txt,
// compiled in) and a language guess from them.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"

namespace pith {

class Stoplists {
 public:
  // The lists compiled into the binary.
  static const Stoplists& Default();

  // Parses one list ("# comment" lines, one word per line).
  void Add(const std::string& language, std::string_view content);

  const std::unordered_set<std::string>* Find(const std::string& language) const;

  // The page's language: the list with the most hits over the first few
  // thousand tokens (kana -> ja, other CJK -> zh); the lang attribute or
  // meta tag wins only a near-tie, or when the text says nothing. Empty when
  // nothing matches.
  std::string Detect(const Document& doc) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> lists_;
};

// Splits text into lower-cased word tokens; every CJK character is a token.
std::vector<std::string> Tokenize(std::string_view text);

}  // namespace pith
