// score: each block's context-free class (from its features, jusText-style)
// plus rule evidence and the container prior, summed into one score.
#pragma once

#include <string>
#include <vector>

#include "classify/container.h"
#include "classify/evidence.h"
#include "document/document.h"
#include "features/features.h"
#include "ruleset/ruleset.h"

namespace pith {

enum class Favor { kBalanced, kPrecision, kRecall };

enum class Class : std::uint8_t { kBad, kShort, kNearGood, kGood };
const char* ClassName(Class c);

struct ScoreOptions {
  Favor favor = Favor::kBalanced;
  int short_chars = 70;          // below: "short", decided by neighbours (CJK: a third)
  int long_chars = 200;          // above, with enough stopwords: good on its own
  double stop_good = 0.30;       // stopword ratio for good
  double stop_near = 0.22;       // stopword ratio for near-good
  double stop_low = 0.05;        // below near-good but punctuated: neighbours decide
  double max_link_density = 0.35;  // above this a block is bad (short blocks: 0.2)
  int min_inside_chars = 15;     // short blocks inside the container from this size are near-good
  int inside_text_chars = 100;   // linkless low-stopword blocks inside the container from this size...
  double inside_text_link_density = 0.3;  // ...and up to this link density are near-good
  double max_element_boost = 1.5;  // cap on the sum of class/id and attribute boosts
  double shield_chars = 300;     // elements holding this much prose...
  double shield_share = 0.25;    // ...and this share of the page's prose ignore their penalties
  double inside_bonus = 0.5;     // blocks inside the chosen container
  double outside_penalty = 0.75;  // blocks outside it
};

struct Verdict {
  Class initial = Class::kBad;   // from features alone
  double score = 0;              // initial value + rule weights + container
  Class cls = Class::kBad;       // from the score; smoothing revises it
  bool keep = false;             // final decision
  int forced_by = -1;            // rule (drop/keep/cut) that decided, -1 none
  std::vector<int> rules;        // every rule that fired for this block
  std::string why;               // the stage that decided, for --explain
};

// Cost: linear in blocks x (rules fired + ancestor depth up to the container).
std::vector<Verdict> ScoreBlocks(const Document& doc, const std::vector<Features>& features,
                                 const Evidence& evidence, const Container& container, const Ruleset& rules,
                                 const ScoreOptions& options);

}  // namespace pith
