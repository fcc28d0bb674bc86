#include "classify/evidence.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

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
  // Tag paths, class strings and attributes repeat within a page (every
  // item of a menu has the same ones), as do a quarter of the block texts
  // ("Share", "Read more"): each distinct string is matched once.
  std::unordered_map<std::string_view, std::vector<int>> seen[kTargetCount];
  auto match = [&](Target target, std::string_view text) -> const std::vector<int>& {
    auto& memo = seen[static_cast<int>(target)];
    auto it = memo.find(text);
    if (it == memo.end()) it = memo.emplace(text, rules.Match(target, text)).first;
    return it->second;
  };
  ev.block_rules.resize(doc.blocks.size());
  for (std::size_t id = 0; id < doc.blocks.size(); ++id) {
    if (deadline.Expired()) return ev;
    const Block& b = doc.blocks[id];
    std::vector<int>& hits = ev.block_rules[id];
    hits = match(Target::kText, b.text);
    if (doc.kind == InputKind::kText) {
      for (int r : match(Target::kLine, b.text)) hits.push_back(r);
    } else {
      for (int r : match(Target::kTagPath, b.tag_path)) hits.push_back(r);
    }
    std::sort(hits.begin(), hits.end());
  }
  ev.element_rules.resize(doc.elements.size());
  for (std::size_t id = 0; id < doc.elements.size(); ++id) {
    if (deadline.Expired()) return ev;
    const Element& e = doc.elements[id];
    std::vector<int>& hits = ev.element_rules[id];
    if (!e.classid.empty()) hits = match(Target::kClassId, e.classid);
    for (const std::string& attr : e.attrs)
      for (int r : match(Target::kAttr, attr)) hits.push_back(r);
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  }
  return ev;
}

}  // namespace pith
