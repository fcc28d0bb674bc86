#include "classify/score.h"

#include <algorithm>

namespace pith {

const char* ClassName(Class c) {
  switch (c) {
    case Class::kBad: return "bad";
    case Class::kShort: return "short";
    case Class::kNearGood: return "neargood";
    case Class::kGood: return "good";
  }
  return "?";
}

namespace {

Class InitialClass(const Features& f, bool have_stoplist, const ScoreOptions& o) {
  const int short_chars = f.cjk ? o.short_chars / 3 : o.short_chars;
  const int long_chars = f.cjk ? o.long_chars / 3 : o.long_chars;
  if (f.link_density > o.max_link_density) return Class::kBad;
  if (f.chars < short_chars) return f.link_density > 0 ? Class::kBad : Class::kShort;
  if (f.link_density > 0.2 && f.chars < long_chars) return Class::kBad;
  if (have_stoplist && !f.cjk) {
    if (f.stopword_ratio >= o.stop_good && f.chars > long_chars) return Class::kGood;
    // Shorter paragraphs of several punctuated sentences are prose too.
    if (f.stopword_ratio >= o.stop_near && f.sentences >= 2 && f.terminal && f.chars >= long_chars / 2)
      return Class::kGood;
    if (f.stopword_ratio >= o.stop_near) return Class::kNearGood;
    // Long punctuated prose in an inflected language can have few function
    // words; it is at least near-good.
    if (f.chars > long_chars && f.sentences >= 2 && f.terminal) return Class::kNearGood;
    // Punctuated prose with few function words (names, numbers): let the
    // neighbours decide rather than call it boilerplate.
    if (f.terminal && f.stopword_ratio >= o.stop_low)
      return f.chars >= long_chars / 2 && f.sentences >= 1 ? Class::kNearGood : Class::kShort;
    return Class::kBad;
  }
  // No stoplist (unknown language, CJK): sentences and punctuation decide.
  if (f.chars > long_chars && f.sentences >= 2) return Class::kGood;
  if (f.terminal || f.sentences >= 1 || f.commas >= 2) return Class::kNearGood;
  return Class::kBad;
}

double InitialScore(Class c) {
  switch (c) {
    case Class::kBad: return -1.0;
    case Class::kShort: return 0.0;
    case Class::kNearGood: return 0.5;
    case Class::kGood: return 1.5;
  }
  return 0;
}

}  // namespace

std::vector<Verdict> ScoreBlocks(const Document& doc, const std::vector<Features>& features,
                                 const Evidence& evidence, const Container& container, const Ruleset& rules,
                                 const ScoreOptions& o) {
  const bool have_stoplist =
      std::any_of(features.begin(), features.end(), [](const Features& f) { return f.stopword_ratio > 0; });
  double good_at = 1.0, near_at = 0.25;
  if (o.favor == Favor::kPrecision) good_at = 1.25, near_at = 0.5;
  if (o.favor == Favor::kRecall) good_at = 0.75, near_at = 0.0;

  std::vector<Verdict> out(doc.blocks.size());
  bool body_started = false;  // a good block of the container came before
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Features& f = features[b];
    Verdict& v = out[b];
    v.initial = InitialClass(f, have_stoplist, o);
    v.score = InitialScore(v.initial);
    v.rules = evidence.block_rules[b];
    // Element evidence: the block's element and its ancestors up to, not
    // including, the container (whose own classes describe the page, not
    // the block). Outside the container: up to the root.
    const bool inside = InContainer(doc, container, static_cast<int>(b));
    for (int e = doc.blocks[b].element; e >= 0; e = doc.elements[e].parent) {
      if (container.top >= 0 && inside && !container.inside[e]) break;
      if (container.top >= 0 && inside &&
          std::find(container.members.begin(), container.members.end(), e) != container.members.end())
        break;
      // An element that holds much of the page's prose is not boilerplate,
      // whatever its class says ("share-enabled", "has-sidebar"...): its
      // penalties do not reach the blocks below it.
      const bool shielded = container.top >= 0 && container.prose[e] >= o.shield_chars &&
                            container.prose[e] >= o.shield_share * container.total_prose;
      for (int r : evidence.element_rules[e])
        if (!shielded || SignedWeight(rules.rules()[r]) > 0) v.rules.push_back(r);
    }
    std::sort(v.rules.begin(), v.rules.end());
    v.rules.erase(std::unique(v.rules.begin(), v.rules.end()), v.rules.end());
    // Element boosts (article/main/content classes) tend to stack on one
    // page-wide wrapper; together they count at most max_element_boost.
    double rule_sum = 0, element_boost = 0;
    for (int r : v.rules) {
      const Rule& rule = rules.rules()[r];
      const bool element_target = rule.target == Target::kClassId || rule.target == Target::kAttr;
      if (element_target && SignedWeight(rule) > 0) {
        element_boost += SignedWeight(rule);
      } else {
        rule_sum += SignedWeight(rule);
      }
      if ((rule.action == Action::kDrop || rule.action == Action::kKeep || rule.action == Action::kCut) &&
          v.forced_by < 0)
        v.forced_by = r;
    }
    // A link list stays a link list inside an article wrapper.
    if (f.link_density <= 0.5) rule_sum += std::min(element_boost, o.max_element_boost);
    v.score += rule_sum;
    if (container.top >= 0) v.score += inside ? o.inside_bonus : -o.outside_penalty;
    // Menus and footers repeat their short lines; articles rarely do.
    if (f.repeats > 0 && f.chars < 100) v.score -= 0.5;

    const bool unpenalised_inside = container.top >= 0 && inside && rule_sum >= 0;
    if (unpenalised_inside && v.initial == Class::kShort && f.chars >= o.min_inside_chars &&
        (f.terminal || doc.blocks[b].kind == BlockKind::kListItem || doc.blocks[b].kind == BlockKind::kTableCell)) {
      // Short text inside the article's container, with no rule against it,
      // that reads as a sentence or sits in a list or table: a short
      // paragraph or item of the article. Unpunctuated labels ("Share this",
      // photo credits) stay short and are left to their neighbours.
      v.cls = Class::kNearGood;
    } else if (unpenalised_inside && body_started && v.initial == Class::kBad && f.chars >= o.inside_text_chars &&
               f.link_density <= o.inside_text_link_density) {
      // Longer text with few links but few function words or no sentence
      // punctuation (ingredients, specifications, code, verse) inside the
      // container, once its prose has begun, is the article's data, not
      // boilerplate. Before the prose it is more often a title-and-byline
      // header run together.
      v.cls = Class::kNearGood;
    } else if (v.initial == Class::kShort && rule_sum > -1.0 && (inside || container.top < 0)) {
      v.cls = Class::kShort;
    } else if (v.initial == Class::kShort && v.score >= good_at) {
      // Outside the container, wrapper boosts ("main", "content") must not
      // make a short label good on their own.
      v.cls = Class::kNearGood;
    } else if (v.score >= good_at) {
      v.cls = Class::kGood;
    } else if (v.score >= near_at) {
      v.cls = Class::kNearGood;
    } else {
      v.cls = Class::kBad;
    }
    if (inside && v.initial == Class::kGood) body_started = true;
    if (v.forced_by >= 0) {
      const Action a = rules.rules()[v.forced_by].action;
      v.cls = a == Action::kKeep ? Class::kGood : Class::kBad;
    }
  }
  return out;
}

}  // namespace pith
