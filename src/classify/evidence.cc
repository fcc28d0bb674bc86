#include "classify/evidence.h"

#include <algorithm>
#include <array>
#include <span>
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

namespace {

// The distinct strings asked about for one target, each with its index:
// tag paths, class strings and attributes repeat within a page (every item
// of a menu has the same ones), as do a quarter of the block texts
// ("Share", "Read more"), and each distinct string is matched once.
struct Distinct {
  std::unordered_map<std::string_view, std::size_t> index;
  std::size_t Add(std::string_view text) { return index.try_emplace(text, index.size()).first->second; }

  // Ruleset::MatchAll over the strings, in slices so that the deadline is
  // looked at between them; once it has expired the rest get no hits.
  std::vector<std::vector<int>> Match(const Ruleset& rules, Target target, const Deadline& deadline) const {
    std::vector<std::string_view> texts(index.size());
    for (const auto& [text, i] : index) texts[i] = text;
    constexpr std::size_t kSlice = 512;
    std::vector<std::vector<int>> hits(texts.size());
    for (std::size_t first = 0; first < texts.size() && !deadline.Expired(); first += kSlice) {
      const std::size_t n = std::min(kSlice, texts.size() - first);
      std::vector<std::vector<int>> slice = rules.MatchAll(target, std::span(texts).subspan(first, n));
      std::move(slice.begin(), slice.end(), hits.begin() + static_cast<std::ptrdiff_t>(first));
    }
    return hits;
  }
};

}  // namespace

Evidence MatchRules(const Document& doc, const Ruleset& rules, const Deadline& deadline) {
  // 1. The distinct strings each block and element asks about, per target.
  std::array<Distinct, kTargetCount> asked;
  auto of = [&](Target t) -> Distinct& { return asked[static_cast<int>(t)]; };
  const bool text_input = doc.kind == InputKind::kText;
  const Target block_target = text_input ? Target::kLine : Target::kTagPath;
  std::vector<std::pair<std::size_t, std::size_t>> block_asks(doc.blocks.size());  // text, then line or tag path
  for (std::size_t id = 0; id < doc.blocks.size(); ++id) {
    const Block& b = doc.blocks[id];
    block_asks[id] = {of(Target::kText).Add(b.text), of(block_target).Add(text_input ? b.text : b.tag_path)};
  }
  // Element id's asks are element_asks[first_ask[id] .. first_ask[id + 1]):
  // its class string (if any), then its attributes.
  std::vector<std::size_t> element_asks;
  std::vector<std::size_t> first_ask(doc.elements.size() + 1);
  for (std::size_t id = 0; id < doc.elements.size(); ++id) {
    const Element& e = doc.elements[id];
    first_ask[id] = element_asks.size();
    if (!e.classid.empty()) element_asks.push_back(of(Target::kClassId).Add(e.classid));
    for (const std::string& attr : e.attrs) element_asks.push_back(of(Target::kAttr).Add(attr));
  }
  first_ask[doc.elements.size()] = element_asks.size();

  // 2. Each target's strings matched together (Ruleset::MatchAll).
  std::array<std::vector<std::vector<int>>, kTargetCount> found;
  for (int t = 0; t < kTargetCount; ++t) found[t] = asked[t].Match(rules, static_cast<Target>(t), deadline);
  auto hits_of = [&](Target t, std::size_t i) -> const std::vector<int>& { return found[static_cast<int>(t)][i]; };

  // 3. The hits handed back to the blocks and elements.
  Evidence ev;
  ev.block_rules.resize(doc.blocks.size());
  for (std::size_t id = 0; id < doc.blocks.size(); ++id) {
    std::vector<int>& hits = ev.block_rules[id];
    hits = hits_of(Target::kText, block_asks[id].first);
    for (int r : hits_of(block_target, block_asks[id].second)) hits.push_back(r);
    std::sort(hits.begin(), hits.end());
  }
  ev.element_rules.resize(doc.elements.size());
  for (std::size_t id = 0; id < doc.elements.size(); ++id) {
    const Element& e = doc.elements[id];
    std::vector<int>& hits = ev.element_rules[id];
    std::size_t ask = first_ask[id];
    if (!e.classid.empty()) hits = hits_of(Target::kClassId, element_asks[ask++]);
    for (; ask < first_ask[id + 1]; ++ask)
      for (int r : hits_of(Target::kAttr, element_asks[ask])) hits.push_back(r);
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  }
  return ev;
}

}  // namespace pith
