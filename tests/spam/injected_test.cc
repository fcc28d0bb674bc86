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

namespace pith {

TEST_CASE("injected: a join after a three-letter word needs four foreign capitalised words before it") {
  // "Lab|Harbour": three letters before the join, five foreign words.
  const Result glued = CleanText(
      "Velmora Orchard Capital Study LabHarbour officials confirmed on Thursday that the old ferry pier "
      "would reopen in May after a year of repairs to its timber deck.\n" +
      kBody2);
  REQUIRE(glued.injection.phrases.size() == 1);
  CHECK(glued.injection.phrases[0] == "Velmora Orchard Capital Study Lab");
  CHECK(Kept(glued).find("Harbour officials confirmed on Thursday") == 0);
  // A name with such a join ("MacLeod") that the article uses again stays.
  const Result name = CleanText(
      "Retired Navy Admiral Jonas MacLeod opened the maritime museum on Thursday, more than a decade "
      "after the first plans for it were drawn up by volunteers.\n"
      "MacLeod said the museum would rely on donations for its first years, as the council had only "
      "covered the cost of the building itself.\n" +
      kBody2);
  CHECK(name.injection.phrases.empty());
  CHECK(Kept(name).find("Retired Navy Admiral Jonas MacLeod opened") == 0);
  // Two foreign words before a three-letter join are not enough.
  const Result short_run = CleanText(
      "Chief engineer Tamsin McAllister and Petra DeWitt presented the new pump design on Thursday to "
      "an audience of growers from the whole valley.\n" +
      kBody2);
  CHECK(short_run.injection.phrases.empty());
}

TEST_CASE("injected: words carrying punctuation are a caption or credit, not a glued phrase") {
  const Result r = CleanText(
      "The exhibition shows skulls on loan from the Northfield Museum of Natural History. Credit: "
      "DrAnnaBerg/Archive. It opens on Saturday and runs until the end of the summer, with guided tours "
      "every afternoon for school classes and families.\n" +
      kBody2);
  CHECK(r.injection.phrases.empty());
  CHECK(Kept(r).find("Natural History. Credit: DrAnnaBerg/Archive. It opens") != std::string::npos);
}

TEST_CASE("injected: Latin words written into CJK prose without spaces are removed") {
  const std::string rest =
      "新的渡轮码头将在五月重新开放，工程期间旅客可以乘坐临时接驳巴士前往对岸。\n"
      "港务部门表示，码头改造的费用由市政府和港口集团共同承担，工程预计在年底前全部完成。\n";
  const Result r = CleanText("本周三，临江市Corvid Harbor Wealth Circle港务局宣布，老码头将于下月起封闭施工。\n" + rest);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "Corvid Harbor Wealth Circle");
  CHECK(Kept(r).find("本周三，临江市港务局宣布") == 0);
  // A Latin name the article uses again, or a short one, is the article's own.
  const Result again = CleanText("本周三，Northgate Ferry Lines公司宣布新航线。\n" + rest +
                                 "Northgate Ferry Lines计划明年增加两艘新船。\n");
  CHECK(again.injection.phrases.empty());
  const Result two = CleanText("本周三，Tim Cook在发布会上介绍了新的渡轮售票系统。\n" + rest);
  CHECK(two.injection.phrases.empty());
}

TEST_CASE("injected: the title's headline recurring in header slots is never taken for an injection") {
  const Result r = Clean(
      "<html><head><title>Ferry pier reopens | Morning Ledger</title></head><body>"
      "<header><a href=\"/\">Home</a> &gt; <a href=\"/local\">Ferry pier reopens</a></header><article>"
      "<h1>Ferry pier reopens</h1><p>Officials said the old timber pier would reopen next month, after a "
      "consultation in which commuters asked for earlier boats.</p><p>" +
          kBody2 + "</p></article></body></html>",
      {}, Ruleset::Default());
  CHECK(r.injection.phrases.empty());
  CHECK(r.injection.title == "Ferry pier reopens");
}

TEST_CASE("injected: a header phrase that only starts a longer body word is not glued") {
  const Result r = CleanText(
      "Home > Weiter lesen\n"
      "Weiter lesen > Fähre fährt wieder\n"
      "Die Fähre über den Fluss fährt ab Montag wieder nach dem alten Fahrplan, teilte die Stadt mit. "
      "Weiter lesenswert ist der Bericht der Verwaltung über die Kosten der Reparatur.\n" +
      kBody2);
  CHECK(r.injection.phrases.empty());
  CHECK(Kept(r).find("Weiter lesenswert ist der Bericht") != std::string::npos);
}

}  // namespace pith

namespace pith {

namespace {

Result CleanHtmlWithKeywords(const std::string& keywords, const std::string& paragraphs) {
  return Clean("<html><head><meta charset=\"utf-8\"><title>临江市老码头下月封闭施工</title>"
               "<meta name=\"keywords\" content=\"" + keywords + "\"></head><body><article>" + paragraphs +
                   "</article></body></html>",
               {}, Ruleset::Default());
}

const std::string kCjkRest =
    "<p>新的渡轮码头将在五月重新开放，工程期间旅客可以乘坐临时接驳巴士前往对岸，港务部门将在车站设置指示牌。</p>"
    "<p>港务部门表示，码头改造的费用由市政府和港口集团共同承担，工程预计在年底前全部完成，届时将恢复全部航线。</p>";

}  // namespace

TEST_CASE("injected: a declared keyword glued into CJK prose and foreign to the body is removed") {
  const Result r = CleanHtmlWithKeywords(
      "码头,鼎华资本学社", "<p>本周三，临江市鼎华资本学社港务局宣布，老码头将于下月起封闭施工，预计工期为半年。</p>" + kCjkRest);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "鼎华资本学社");
  bool repaired = false;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    repaired = repaired || (r.verdicts[i].keep && r.BlockText(i).find("本周三，临江市港务局宣布") == 0);
  CHECK(repaired);
}

TEST_CASE("injected: a declared keyword the body is about stays") {
  // Used once, but part of it recurs in the body ("港务部门"): the topic.
  const Result topic = CleanHtmlWithKeywords(
      "码头,港务总局", "<p>本周三，临江市港务总局宣布，老码头将于下月起封闭施工，预计工期为半年。</p>" + kCjkRest);
  CHECK(topic.injection.phrases.empty());
  // A Latin keyword standing normally in a sentence is not glued.
  const Result latin = Clean(
      "<html><head><title>Ferry pier reopens</title><meta name=\"keywords\" content=\"Harbour Board, ferry\">"
      "</head><body><article><p>The Harbour Board said on Monday that the old timber pier would reopen next "
      "month, after a consultation in which commuters asked for earlier boats.</p><p>" +
          kBody2 + "</p></article></body></html>",
      {}, Ruleset::Default());
  CHECK(latin.injection.phrases.empty());
}

}  // namespace pith

namespace pith {

TEST_CASE("junk: reaction and helpfulness counters after an HTML article go, an article sentence about reactions stays") {
  for (const std::string counter : {"7285 réactions", "3649 reacciones", "512 reakcji", "6708 people found this helpful"}) {
    const Result r = Clean(
        "<html><body><article><p>Officials said the new timetable would take effect next month, after a "
        "consultation in which commuters asked for earlier trains.</p><p>" +
            kBody2 + "</p><div class=\"rating\"><span>" + counter.substr(0, counter.find(' ')) + "</span>" +
            counter.substr(counter.find(' ')) +
            "</div><p>The transport authority will publish the full timetable on its website in the coming "
            "weeks, together with a map of the new connections.</p></article></body></html>",
        {}, Ruleset::Default());
    CHECK_MESSAGE(Kept(r).find(counter.substr(counter.find(' ') + 1)) == std::string::npos, counter);
    CHECK(Kept(r).find("Officials said the new timetable") != std::string::npos);
  }
  const Result sentence = CleanText("Les réactions des habitants ont été nombreuses après la réunion publique de mardi soir.\n" + kBody2);
  CHECK(Kept(sentence).find("Les réactions des habitants") != std::string::npos);
}

}  // namespace pith

namespace pith {

TEST_CASE("injected: a glued phrase is found when the sentence resumes with several capitalised words") {
  const Result r = CleanText(
      "MILBRIDGE — Velmora Orchard Trust CircleThe City Council voted on Wednesday to keep the night buses "
      "running, ending a trial that carried more than a million passengers.\n"
      "The City Council said the service would cost about two million a year, to be paid from parking fees "
      "collected in the centre.\n" +
      kBody2);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "Velmora Orchard Trust Circle");
  CHECK(Kept(r).find("MILBRIDGE — The City Council voted on Wednesday") == 0);
}

}  // namespace pith

namespace pith {

namespace {

const std::string kFerryRest =
    "新的渡轮码头将在五月重新开放，工程期间旅客可以乘坐临时接驳巴士前往对岸，港务部门将在车站设置指示牌。\n"
    "港务部门表示，码头改造的费用由市政府和港口集团共同承担，工程预计在年底前全部完成，届时将恢复全部航线。\n";

bool KeptStartsWith(const Result& r, const std::string& start) {
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (r.verdicts[i].keep && r.BlockText(i).rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("injected: the header may spell the phrase with full-width letters or other spacing") {
  // Full-width Latin letters in the title, ASCII in the text.
  const Result wide = CleanText(
      "Ｈａｒｂｏｒ 鼎华资本学社：临江市老码头下月封闭施工\n"
      "本周三，临江市Harbor 鼎华资本学社港务局宣布，老码头将于下月起封闭施工，预计工期为半年。\n" +
      kFerryRest);
  REQUIRE(wide.injection.phrases.size() == 1);
  CHECK(wide.injection.phrases[0] == "Harbor 鼎华资本学社");
  CHECK(KeptStartsWith(wide, "本周三，临江市港务局宣布"));
  CHECK(wide.injection.title == "临江市老码头下月封闭施工");
  // No space between the Latin and the CJK word in the header, one in the text.
  const Result tight = CleanText(
      "临江市老码头下月封闭施工_Harbor鼎华资本学社\n"
      "本周三，临江市Harbor 鼎华资本学社港务局宣布，老码头将于下月起封闭施工，预计工期为半年。\n" +
      kFerryRest);
  REQUIRE(tight.injection.phrases.size() == 1);
  CHECK(tight.injection.phrases[0] == "Harbor 鼎华资本学社");
  CHECK(KeptStartsWith(tight, "本周三，临江市港务局宣布"));
  CHECK(tight.injection.title == "临江市老码头下月封闭施工");
}

TEST_CASE("injected: a phrase the article uses stays however the header spells it") {
  const Result r = CleanText(
      "Ｈａｒｂｏｒ港务集团丨临江市老码头下月封闭施工\n"
      "本周三，临江市Harbor港务集团宣布，老码头将于下月起封闭施工，预计工期为半年。\n" + kFerryRest +
      "Harbor 港务集团还表示，施工期间将增开两条临时航线。\n");
  CHECK(r.injection.phrases.empty());
  CHECK(KeptStartsWith(r, "本周三，临江市Harbor港务集团宣布"));
}

TEST_CASE("injected: a source line longer than the headline is not taken for the title") {
  const Result r = CleanText(
      "临江市老码头下月封闭施工\n"
      "文章来源：鼎华资本学社研究中心\n"
      "本周三，临江市鼎华资本学社研究中心港务局宣布，老码头将于下月起封闭施工，预计工期为半年。\n" +
      kFerryRest);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "鼎华资本学社研究中心");
  CHECK(KeptStartsWith(r, "本周三，临江市港务局宣布"));
  CHECK(r.injection.title == "临江市老码头下月封闭施工");
}

}  // namespace pith

namespace pith {

TEST_CASE("injected: a header phrase written only in full-width letters is a candidate like its ASCII form") {
  const Result r = CleanText(
      "Ｎｉｍｂｕｓ Ｗｅａｌｔｈ｜临江市老码头下月封闭施工\n"
      "本周三，临江市Nimbus Wealth港务局宣布，老码头将于下月起封闭施工，预计工期为半年。\n" + kFerryRest);
  REQUIRE(r.injection.phrases.size() == 1);
  CHECK(r.injection.phrases[0] == "Nimbus Wealth");
  CHECK(KeptStartsWith(r, "本周三，临江市港务局宣布"));
  CHECK(r.injection.title == "临江市老码头下月封闭施工");
}

}  // namespace pith

namespace pith {

TEST_CASE("injected: a phrase glued into a place name leaves the name whole") {
  const std::string rest =
      "The nest box was installed five years ago by a local birdwatching group, which had noticed falcons "
      "hunting pigeons near the square in the city centre.\n"
      "The council has set up a camera so that residents can watch the nest online, and schools across the "
      "city are using the footage in science lessons.\n";
  // Pushed in before the name's last word: the words before it are the name's.
  const Result inside = CleanText(
      "A pair of falcons has built a nest on the clock tower of Brenton City Northern Fund AcademyHall, "
      "the first time the birds have bred there.\n" + rest);
  REQUIRE(inside.injection.phrases.size() == 1);
  CHECK(inside.injection.phrases[0] == "Northern Fund Academy");
  CHECK(Kept(inside).find("clock tower of Brenton City Hall, the first time") != std::string::npos);
  // Pushed in before the name: the name resumes after the join.
  const Result before = CleanText(
      "A pair of falcons has built a nest on the clock tower of CedarPeak InstituteBrenton City Hall, "
      "the first time the birds have bred there.\n" + rest);
  REQUIRE(before.injection.phrases.size() == 1);
  CHECK(before.injection.phrases[0] == "CedarPeak Institute");
  CHECK(Kept(before).find("clock tower of Brenton City Hall, the first time") != std::string::npos);
}

}  // namespace pith
