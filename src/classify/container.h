// container: chooses the element that holds the article before any block is
// judged (ancestor scoring in the manner of Readability, with class/id and
// attribute rules as weighted evidence and semantic tags as a prior).
#pragma once

#include <string>
#include <vector>

#include "classify/evidence.h"
#include "document/document.h"
#include "features/features.h"
#include "ruleset/ruleset.h"

namespace pith {

struct ContainerOptions {
  int min_block_chars = 25;       // prose blocks have at least twice this (CJK: half)
  double other_weight = 1.5;      // cost of a non-prose character against a prose one
  double class_weight = 0.15;     // score factor per unit of classid/attr rule weight
  double sibling_share = 0.2;     // siblings scoring >= share*top join the container
  double boilerplate_text_weight = -2;  // prose blocks whose text rules sum to this or less are not prose
  double inherit_below_share = 0.5;      // ancestors with less of the page's prose pass their penalties down
  double region_share = 0.1;      // unpenalised subtrees elsewhere scoring >= share*top...
  double min_region_score = 100;  // ...and at least this join as regions
};

struct Container {
  int top = -1;                   // chosen element, -1 = none (text input, empty page)
  std::vector<char> inside;       // by element id: 1 if in or below the container
  std::vector<int> members;       // top plus the siblings that joined it
  std::vector<int> regions;       // other subtrees elsewhere on the page that score nearly as well
  std::vector<double> prose;      // by element id: characters of prose below it
  double total_prose = 0;         // characters of prose in the document
  double score = 0;
  std::string reason;             // for --explain
};

// Cost: linear in blocks x ancestor depth (bounded at 5 levels per block)
// plus linear in elements.
Container ChooseContainer(const Document& doc, const std::vector<Features>& features,
                          const Evidence& evidence, const Ruleset& rules, const ContainerOptions& options);

// True when `block` lies in the container (always true without one).
bool InContainer(const Document& doc, const Container& c, int block);

}  // namespace pith
