// evidence: which rules fire where. Text-like targets (text, line, tagpath)
// are matched per block; element targets (classid, attr) per element, so a
// class on a container is matched once, not once per block below it.
#pragma once

#include <vector>

#include "deadline.h"
#include "document/document.h"
#include "ruleset/ruleset.h"

namespace pith {

struct Evidence {
  std::vector<std::vector<int>> block_rules;    // by block id: rule indices
  std::vector<std::vector<int>> element_rules;  // by element id: rule indices
};

// Cost: one pass of each rule group per distinct block text, tag path,
// class string and attribute, the strings of a target matched group by
// group (Ruleset::MatchAll). Once `deadline` has expired the strings not
// yet matched get no hits (the caller discards the result).
Evidence MatchRules(const Document& doc, const Ruleset& rules, const Deadline& deadline = Deadline());

// Signed weight of one rule (boost +w, penalize -w, other actions 0).
double SignedWeight(const Rule& rule);

}  // namespace pith
