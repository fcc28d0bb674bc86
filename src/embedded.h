// Data files compiled into the binary (see tools/embed.py): the default
// rules/*.rules and data/stopwords/*.txt, so a bare `pith` needs no files.
#pragma once

#include <string_view>
#include <vector>

namespace pith {

struct EmbeddedFile {
  std::string_view path;     // "rules/spam.rules", "stopwords/de.txt"
  std::string_view content;
};

const std::vector<EmbeddedFile>& EmbeddedRules();
const std::vector<EmbeddedFile>& EmbeddedStopwords();

}  // namespace pith
