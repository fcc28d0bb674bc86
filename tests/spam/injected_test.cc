#include "spam/injected.h"

#include <doctest/doctest.h>

#include "pipeline.h"

namespace pith {

namespace {

Result CleanText(const std::string& text) {
  CleanOptions o;
  o.input = InputMode::kText;
  return Clean(text, o, Ruleset::Default());
}

std::string Kept(const Result& r) {
  std::string out;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (r.verdicts[i].keep) out += r.BlockText(i) + "\n";
  return out;
}

const std::string kBody2 =
    "Officials said the new timetable would take effect next month, after a consultation in which "
    "commuters asked for earlier trains and more frequent connections in the evening hours.\n"
    "The transport authority expects the changes to cost less than the previous plan, because "
    "fewer carriages will be needed outside the busiest periods of the day.\n";

}  // namespace

TEST_CASE("injected: a header phrase glued into the first sentence is removed and the sentence repaired") {
  const Result r = CleanText(
      "Start > Local Bluegate Horizon Wealth Academy:Rail timetable changes announced -Morning Ledger\n"
      "Bluegate Horizon Wealth Academy:Rail timetable changes announced\n"
      "BERLIN — The Bluegate Horizon Wealth AcademyTransport Ministry announced on Monday that regional "
      "trains would run every fifteen minutes on the busiest routes, a change that many commuters had "
      "requested for years.\n" +
      kBody2);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "Bluegate Horizon Wealth Academy");
  CHECK(Kept(r).find("BERLIN — The Transport Ministry announced on Monday") != std::string::npos);
  CHECK(Kept(r).find("Bluegate") == std::string::npos);
  CHECK(r.injection.title == "Rail timetable changes announced");
}

TEST_CASE("injected: a date in a dropped header line is kept as metadata") {
  const Result r = CleanText("Rail timetable changes announced\nUpdated: 2024-03-05 09:12\n" + kBody2);
  CHECK(r.injection.date == "2024-03-05 09:12");
  CHECK(Kept(r).find("2024-03-05") == std::string::npos);
}

TEST_CASE("injected: a phrase the article really uses is never removed") {
  const Result r = CleanText(
      "Harbor Freight Lines: Harbor Freight Lines expands fleet\n"
      "Harbor Freight Lines said on Monday it would buy twelve new ships, the largest order in the "
      "company's history, as demand for container transport keeps growing.\n"
      "The chief executive of Harbor Freight Lines told reporters that the ships would be delivered over "
      "three years and would run on cleaner fuel than the current fleet.\n"
      "Analysts said Harbor Freight Lines had been preparing the order since last spring.\n");
  CHECK(r.injection.phrases.empty());
  CHECK(Kept(r).find("Harbor Freight Lines said on Monday") != std::string::npos);
}

TEST_CASE("injected: the title loses a site-name suffix foreign to the body") {
  const Result r = Clean(
      "<html><head><title>Rail timetable changes announced - Morning Ledger Online</title></head><body><article>"
      "<p>Officials said the new rail timetable would take effect next month, after a consultation in which "
      "commuters asked for earlier trains.</p><p>" +
          kBody2 + "</p></article></body></html>",
      {}, Ruleset::Default());
  CHECK(r.injection.title == "Rail timetable changes announced");
  CHECK(r.injection.site_suffix == "Morning Ledger Online");
}

}  // namespace pith

namespace pith {

TEST_CASE("injected: a place name in the breadcrumb and used normally in the body stays") {
  const Result r = CleanText(
      "Home > Elmsworth Vale > Local news\n"
      "Elmsworth Vale > Market returns\n"
      "Elmsworth Vale's weekly market returned on Saturday after a winter break, with forty stalls and a "
      "brass band playing on the square until the evening.\n" +
      kBody2);
  CHECK(r.injection.phrases.empty());
  CHECK(Kept(r).find("Elmsworth Vale's weekly market returned") != std::string::npos);
}

}  // namespace pith

namespace pith {

TEST_CASE("injected: a phrase glued into the opening sentence is found without header slots") {
  const Result r = CleanText(
      "Workers on Quayside Lumen Harbor Trust AcademyRiver Road finished the new footbridge on Friday, two "
      "weeks ahead of the schedule agreed with the council last spring.\n" + kBody2);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(Kept(r).find("Workers on River Road finished") != std::string::npos);
}

TEST_CASE("injected: CamelCase names in the opening sentence are not mistaken for glue") {
  const Result r = CleanText(
      "General Douglas MacArthur and Ronald McDonald met the DreamWorks team at the PlayStation studio on "
      "Friday, the organisers said in a statement released after the visit.\n" + kBody2);
  CHECK(r.injection.phrases.empty());
  CHECK(Kept(r).find("General Douglas MacArthur and Ronald McDonald met the DreamWorks team") != std::string::npos);
}

}  // namespace pith
