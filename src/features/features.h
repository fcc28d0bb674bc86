// features: numbers describing each block, computed once and read by every
// later stage. Vectors are indexed by block id.
#pragma once

#include <string>
#include <vector>

#include "deadline.h"
#include "document/document.h"
#include "features/stopwords.h"

namespace pith {

struct Features {
  int chars = 0;              // code points
  int words = 0;              // tokens (CJK: characters count as tokens)
  int sentences = 0;          // terminal punctuation marks followed by space/end
  int commas = 0;
  double link_density = 0;    // link characters / characters
  double stopword_ratio = 0;  // stopword tokens / tokens (0 if no stoplist)
  double cap_ratio = 0;       // upper-case letters / letters
  double digit_ratio = 0;     // digits / non-space characters
  double title_case = 0;      // words starting upper-case / words (alphabetic scripts)
  double text_density = 0;    // words per 80-column wrapped line (boilerpipe)
  bool terminal = false;      // ends with . ! ? … 。 ！ ？ or a closing quote after one
  bool list_item = false;
  bool cjk = false;           // mostly CJK characters
  int repeats = 0;            // other blocks with the same text in this document
  double position = 0;        // block index / block count, in [0, 1)
};

// Computes Features for every block with the given language's stoplist
// (empty language: stopword_ratio stays 0). Linear in the document's text.
// Once `deadline` has expired the remaining blocks keep zero features (the
// caller discards the result).
std::vector<Features> ComputeFeatures(const Document& doc, const Stoplists& stoplists,
                                      const std::string& language, const Deadline& deadline = Deadline());

}  // namespace pith
