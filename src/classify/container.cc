#include "classify/container.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace pith {
namespace {

double TagPrior(const std::string& tag) {
  if (tag == "article" || tag == "main") return 8;
  if (tag == "div" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form")
    return -3;
  if (tag == "nav" || tag == "aside" || tag == "footer" || tag == "header") return -10;
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return -5;
  if (tag == "th") return -5;
  return 0;
}

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

  std::vector<double> score(n, 0);
  std::vector<char> candidate(n, 0);
  auto prior = [&](int e) {
    double s = TagPrior(doc.elements[e].tag);
    for (int r : evidence.element_rules[e]) s += options.class_weight * SignedWeight(rules.rules()[r]);
    return s;
  };
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Features& f = features[b];
    const int min_chars = f.cjk ? options.min_block_chars / 2 : options.min_block_chars;
    if (f.chars < min_chars || f.link_density > 0.5) continue;
    const double cjk_factor = f.cjk ? 3.0 : 1.0;
    const double contribution =
        1.0 + f.commas + std::min(cjk_factor * f.chars / 100.0, 3.0);
    // The text's own element is its paragraph unless it is a bare container
    // holding text directly; the vote goes to the paragraph's ancestors.
    int e = doc.blocks[b].element;
    const std::string& tag = doc.elements[e].tag;
    if (tag == "p" || tag == "li" || tag == "pre" || tag == "td" || tag == "blockquote" ||
        (tag.size() == 2 && tag[0] == 'h'))
      e = doc.elements[e].parent;
    for (int level = 0; e >= 0 && level < 5; ++level, e = doc.elements[e].parent) {
      if (!candidate[e]) {
        candidate[e] = 1;
        score[e] = prior(e);
      }
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      score[e] += contribution / divider;
    }
  }
  int top = -1;
  double best = 0;
  for (std::size_t e = 0; e < n; ++e) {
    if (!candidate[e]) continue;
    const double ld = chars[e] > 0 ? link_chars[e] / chars[e] : 0;
    score[e] *= (1.0 - ld);
    if (top < 0 || score[e] > best) {
      top = static_cast<int>(e);
      best = score[e];
    }
  }
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
    for (std::size_t e = static_cast<std::size_t>(top) + 1; e < n; ++e) {
      // Elements are in pre-order; stop scanning once past the parent's subtree.
      int p = doc.elements[e].parent;
      if (p != parent) continue;
      const double ld = chars[e] > 0 ? link_chars[e] / chars[e] : 1;
      if ((candidate[e] && score[e] >= threshold) ||
          (doc.elements[e].tag == "p" && chars[e] > 80 && ld < 0.25))
        c.members.push_back(static_cast<int>(e));
    }
    for (int e = top - 1; e > parent; --e) {
      if (doc.elements[e].parent != parent) continue;
      const double ld = chars[e] > 0 ? link_chars[e] / chars[e] : 1;
      if ((candidate[e] && score[e] >= threshold) ||
          (doc.elements[e].tag == "p" && chars[e] > 80 && ld < 0.25))
        c.members.push_back(e);
    }
  }
  for (int m : c.members) c.inside[m] = 1;
  for (std::size_t e = 0; e < n; ++e) {
    const int p = doc.elements[e].parent;
    if (p >= 0 && c.inside[p]) c.inside[e] = 1;
  }
  std::ostringstream why;
  const Element& t = doc.elements[top];
  why << "<" << t.tag << (t.classid.empty() ? "" : " class/id=\"" + t.classid + "\"") << "> at depth "
      << t.depth << ", score " << std::lround(best) << ", " << std::lround(chars[top]) << " chars, link density "
      << (chars[top] > 0 ? std::round(100 * link_chars[top] / chars[top]) / 100 : 0);
  if (c.members.size() > 1) why << ", plus " << c.members.size() - 1 << " sibling(s)";
  c.reason = why.str();
  return c;
}

}  // namespace pith
