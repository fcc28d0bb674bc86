#include "classify/evidence.h"

#include <algorithm>

namespace pith {

double SignedWeight(const Rule& rule) {
  switch (rule.action) {
    case Action::kBoost:
      return rule.weight;
    case Action::kPenalize:
      return -rule.weight;
    default:
      return 0;
  }
}

Evidence MatchRules(const Document& doc, const Ruleset& rules, const Deadline& deadline) {
  Evidence ev;
  ev.block_rules.resize(doc.blocks.size());
  for (std::size_t id = 0; id < doc.blocks.size(); ++id) {
    if (deadline.Expired()) return ev;
    const Block& b = doc.blocks[id];
    std::vector<int>& hits = ev.block_rules[id];
    hits = rules.Match(Target::kText, b.text);
    if (doc.kind == InputKind::kText) {
      for (int r : rules.Match(Target::kLine, b.text)) hits.push_back(r);
    } else {
      for (int r : rules.Match(Target::kTagPath, b.tag_path)) hits.push_back(r);
    }
    std::sort(hits.begin(), hits.end());
  }
  ev.element_rules.resize(doc.elements.size());
  for (std::size_t id = 0; id < doc.elements.size(); ++id) {
    if (deadline.Expired()) return ev;
    const Element& e = doc.elements[id];
    std::vector<int>& hits = ev.element_rules[id];
    if (!e.classid.empty()) hits = rules.Match(Target::kClassId, e.classid);
    for (const std::string& attr : e.attrs)
      for (int r : rules.Match(Target::kAttr, attr)) hits.push_back(r);
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  }
  return ev;
}

}  // namespace pith
