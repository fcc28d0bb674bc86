#include "classify/container.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace pith {
namespace {

}  // namespace

bool InContainer(const Document& doc, const Container& c, int block) {
  if (c.top < 0) return true;
  const int e = doc.blocks[block].element;
  return e >= 0 && c.inside[e];
}

Container ChooseContainer(const Document& doc, const std::vector<Features>& features,
                          const Evidence& evidence, const Ruleset& rules, const ContainerOptions& options) {
  Container c;
  const std::size_t n = doc.elements.size();
  c.inside.assign(n, 0);
  if (n == 0) {
    c.reason = "no HTML elements: every block is judged on its own";
    return c;
  }
  // Text and link characters below each element; parents precede children
  // in the element table, so one reverse sweep sums subtrees.
  std::vector<double> chars(n, 0), link_chars(n, 0);
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const int e = doc.blocks[b].element;
    if (e < 0) continue;
    chars[e] += features[b].chars;
    link_chars[e] += static_cast<double>(doc.blocks[b].link_chars);
  }
  for (std::size_t e = n; e-- > 0;) {
    const int p = doc.elements[e].parent;
    if (p >= 0) {
      chars[p] += chars[e];
      link_chars[p] += link_chars[e];
    }
  }

  // Prose below each element (long, punctuated, few links, enough
  // stopwords) against everything else: the container is the subtree that
  // holds the most prose for the least other text (a maximum-density
  // subtree, as in CETD), weighted by its class/id evidence.
  const bool have_stoplist =
      std::any_of(features.begin(), features.end(), [](const Features& f) { return f.stopword_ratio > 0; });
  std::vector<double> prose(n, 0), other(n, 0);
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const int e = doc.blocks[b].element;
    if (e < 0) continue;
    const Features& f = features[b];
    const int min_chars = f.cjk ? options.min_block_chars / 2 : options.min_block_chars * 2;
    // Prose that the text rules call boilerplate (a cookie notice, a
    // newsletter prompt) counts as other text.
    double text_weight = 0;
    for (int r : evidence.block_rules[b]) {
      const Rule& rule = rules.rules()[r];
      if (rule.target != Target::kText && rule.target != Target::kLine) continue;
      text_weight += rule.action == Action::kDrop || rule.action == Action::kCut ? -100 : SignedWeight(rule);
    }
    const bool is_prose = f.chars >= min_chars && f.link_density < 0.25 &&
                          (f.cjk || !have_stoplist || f.stopword_ratio >= 0.15) &&
                          (f.terminal || f.sentences >= 1 || f.chars >= 150) &&
                          text_weight > options.boilerplate_text_weight;
    (is_prose ? prose : other)[e] += f.chars;
  }
  for (std::size_t e = n; e-- > 0;) {
    const int p = doc.elements[e].parent;
    if (p >= 0) {
      prose[p] += prose[e];
      other[p] += other[e];
    }
  }
  c.prose = prose;
  for (std::size_t e = 0; e < n; ++e)
    if (doc.elements[e].parent < 0) c.total_prose += prose[e];
  std::vector<double> score(n, 0);
  int top = -1;
  double best = 0;
  // Penalties of ancestors (footer, cookie banner, modal...) reach the
  // elements below them, unless the ancestor holds much of the page's prose
  // (a page-wide wrapper with a "has-sidebar" class); boosts do not (a
  // page-wide "content" wrapper would lift everything).
  std::vector<double> own(n, 0), inherited(n, 0);
  for (std::size_t e = 0; e < n; ++e) {
    for (int r : evidence.element_rules[e]) own[e] += SignedWeight(rules.rules()[r]);
    const int p = doc.elements[e].parent;
    if (p < 0) continue;
    const bool passes_down = prose[p] < options.inherit_below_share * c.total_prose;
    inherited[e] = inherited[p] + (passes_down ? std::min(0.0, own[p]) : 0.0);
  }
  for (std::size_t e = 0; e < n; ++e) {
    if (prose[e] <= 0) continue;
    const double w = std::clamp(own[e] + inherited[e], -4.0, 4.0);
    score[e] = (prose[e] - options.other_weight * other[e]) * (1.0 + options.class_weight * w);
    if (top < 0 || score[e] >= best) {
      top = static_cast<int>(e);
      best = score[e];
    }
  }
  std::vector<char> candidate(n, 0);
  for (std::size_t e = 0; e < n; ++e) candidate[e] = prose[e] > 0;
  if (top < 0 || best <= 0) {
    c.reason = "no element gathers enough text: every block is judged on its own";
    return c;
  }
  // Siblings that score well, or hold long linkless paragraphs, join.
  c.top = top;
  c.score = best;
  c.members.push_back(top);
  const int parent = doc.elements[top].parent;
  if (parent >= 0) {
    const double threshold = std::max(10.0, options.sibling_share * best);
    auto joins = [&](std::size_t e) {
      const double ld = chars[e] > 0 ? link_chars[e] / chars[e] : 1;
      return (candidate[e] && score[e] >= threshold) || (doc.elements[e].tag == "p" && chars[e] > 80 && ld < 0.25);
    };
    for (std::size_t e = static_cast<std::size_t>(parent) + 1; e < n; ++e)
      if (static_cast<int>(e) != top && doc.elements[e].parent == parent && joins(e))
        c.members.push_back(static_cast<int>(e));
  }
  for (int m : c.members) c.inside[m] = 1;
  std::vector<char> above_top(n, 0);
  for (int a = doc.elements[top].parent; a >= 0; a = doc.elements[a].parent) above_top[a] = 1;
  // Elsewhere on the page, subtrees that hold prose for little other text
  // and carry no penalty (the second half of a product page, an intro above
  // a gallery) join as regions: the first such element met in document
  // order, so a region is the widest one that still qualifies.
  const double region_threshold = std::max(options.min_region_score, options.region_share * best);
  for (std::size_t e = 0; e < n; ++e) {
    const int p = doc.elements[e].parent;
    if (p >= 0 && c.inside[p]) c.inside[e] = 1;
    if (!c.inside[e] && !above_top[e] && candidate[e] && score[e] >= region_threshold &&
        own[e] + inherited[e] >= 0) {
      c.inside[e] = 1;
      c.regions.push_back(static_cast<int>(e));
    }
  }
  std::ostringstream why;
  const Element& t = doc.elements[top];
  why << "<" << t.tag << (t.classid.empty() ? "" : " class/id=\"" + t.classid + "\"") << "> at depth "
      << t.depth << ", score " << std::lround(best) << ", " << std::lround(chars[top]) << " chars, link density "
      << (chars[top] > 0 ? std::round(100 * link_chars[top] / chars[top]) / 100 : 0);
  why << "; it holds " << std::lround(prose[top]) << " of the page's " << std::lround(c.total_prose)
      << " prose chars against " << std::lround(other[top]) << " other chars";
  if (!evidence.element_rules[top].empty()) {
    why << ", class/id evidence";
    for (int r : evidence.element_rules[top]) {
      const Rule& rule = rules.rules()[r];
      why << " " << rule.name << (SignedWeight(rule) >= 0 ? "+" : "") << SignedWeight(rule);
    }
  }
  if (c.members.size() > 1) why << ", plus " << c.members.size() - 1 << " sibling(s)";
  if (!c.regions.empty()) why << ", plus " << c.regions.size() << " region(s) elsewhere";
  c.reason = why.str();
  return c;
}

}  // namespace pith
