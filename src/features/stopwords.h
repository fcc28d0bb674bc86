// stopwords: per-language lists of function words (data/stopwords/*.txt,
// compiled in) and a language guess from them.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "document/textutil.h"

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

// Calls on_token(const std::string&) for each token Tokenize would return, in
// order, without holding them all; stops early when it returns false. A
// paragraph of many megabytes costs no memory per token this way.
template <typename OnToken>
void ForEachToken(std::string_view text, OnToken&& on_token);

bool TokenChar(char32_t c, bool in_token);
char32_t TokenFold(char32_t c);

template <typename OnToken>
void ForEachToken(std::string_view text, OnToken&& on_token) {
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (IsCjk(c)) {
      if (!current.empty() && !on_token(current)) return;
      current.clear();
      if (!on_token(std::string(text.substr(start, i - start)))) return;
    } else if (TokenChar(c, !current.empty())) {
      AppendUtf8(TokenFold(c), &current);
    } else if (!current.empty()) {
      if (!on_token(current)) return;
      current.clear();
    }
  }
  if (!current.empty()) on_token(current);
}

}  // namespace pith
