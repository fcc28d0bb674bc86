// The per-document time budget. No test depends on how fast the machine is:
// a budget of a nanosecond is always spent by the first check, one of an
// hour never is, and stage loops are given a deadline that has already
// passed.
#include <doctest/doctest.h>

#include <cmath>

#include "classify/evidence.h"
#include "deadline.h"
#include "document/html.h"
#include "features/features.h"
#include "pipeline.h"
#include "spam/injected.h"

namespace pith {
namespace {

const std::string kPage =
    "<html><head><title>Lanes | Gazette</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a></nav>"
    "<article><p>The council approved the new cycle lanes on Tuesday after a long debate, and work will start in "
    "the spring.</p><p>Shop owners fear fewer customers during the works, but the city promises that the "
    "pavements will stay open.</p></article></body></html>";

// The built-in rules, compiled once for the whole file (compiling them
// is the slowest step of a small test, under the sanitizers most of all).
const Ruleset& DefaultRules() {
  static const Ruleset rules = Ruleset::Default();
  return rules;
}

Deadline Passed() {
  const Deadline d(1e-9);
  while (!d.Expired()) {
  }
  return d;
}

}  // namespace

TEST_CASE("deadline: no budget never expires; a spent one stays spent") {
  CHECK_FALSE(Deadline().Expired());
  CHECK_FALSE(Deadline(0).Expired());
  CHECK_FALSE(Deadline(-5).Expired());
  CHECK_FALSE(Deadline(std::nan("")).Expired());
  CHECK_FALSE(Deadline(1e300).Expired());
  CHECK_FALSE(Deadline(3600).Expired());
  CHECK(Passed().Expired());
}

TEST_CASE("timeout: a document over its budget fails with the budget and the stage") {
  CleanOptions options;
  options.timeout_seconds = 1e-9;
  const Result r = Clean(kPage, options, DefaultRules());
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.message() == "time budget of 1e-09 s exceeded in decode");
  options.input = InputMode::kText;
  CHECK(Clean(kPage, options, DefaultRules()).status.message() == "time budget of 1e-09 s exceeded in decode");
}

TEST_CASE("timeout: the default budget is 60 s; 0 means none") {
  CHECK(CleanOptions().timeout_seconds == 60);
  CleanOptions options;
  options.timeout_seconds = 0;
  CHECK(Clean(kPage, options, DefaultRules()).status.ok());
  options.timeout_seconds = 3600;
  CHECK(Clean(kPage, options, DefaultRules()).status.ok());
}

TEST_CASE("timeout: the long stage loops stop at the deadline") {
  const Document doc = ParseHtml(kPage);
  REQUIRE(doc.blocks.size() >= 2);
  const Stoplists& stoplists = Stoplists::Default();

  const std::vector<Features> all = ComputeFeatures(doc, stoplists, "en");
  const std::vector<Features> cut = ComputeFeatures(doc, stoplists, "en", Passed());
  REQUIRE(cut.size() == all.size());
  CHECK(all.back().words > 0);
  CHECK(cut.back().words == 0);

  Ruleset rules;
  REQUIRE(rules.AddFile("t.rules", "lanes target=text action=penalize pattern=cycle lanes\n"
                                   "menu target=classid action=drop pattern=menu\n")
              .ok());
  REQUIRE(rules.Compile().ok());
  const Evidence hits = MatchRules(doc, rules);
  const Evidence none = MatchRules(doc, rules, Passed());
  std::size_t hit_count = 0, none_count = 0;
  for (const auto& h : hits.block_rules) hit_count += h.size();
  for (const auto& h : hits.element_rules) hit_count += h.size();
  for (const auto& h : none.block_rules) none_count += h.size();
  for (const auto& h : none.element_rules) none_count += h.size();
  CHECK(hit_count == 2);
  CHECK(none_count == 0);

  // A phrase glued into the first sentence is found, unless time is up.
  const Document glued = ParseHtml(
      "<html><body><p>The new lanes open at the Riverside Exchange CenterWhite House officials said on Tuesday "
      "morning.</p><p>Shop owners fear fewer customers during the works, but the city promises open "
      "pavements.</p></body></html>");
  std::vector<Verdict> keep(glued.blocks.size());
  for (Verdict& v : keep) v.keep = true;
  CHECK_FALSE(FindInjectedPhrases(glued, keep, InjectionOptions()).phrases.empty());
  CHECK(FindInjectedPhrases(glued, keep, InjectionOptions(), Passed()).phrases.empty());
}

}  // namespace pith
