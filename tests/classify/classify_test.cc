#include <doctest/doctest.h>

#include "classify/label.h"
#include "document/html.h"
#include "document/text.h"
#include "pipeline.h"

namespace pith {

namespace {

const std::string kProse =
    "The council voted on Tuesday to extend the opening hours of the public library, which had been "
    "reduced during the winter, and the mayor said that the decision would help students who need a quiet "
    "place to work in the evenings.";

std::string Kept(const Result& r) {
  std::string out;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (r.verdicts[i].keep) out += r.BlockText(i) + "\n";
  return out;
}

// A page of n blocks, block i in element i + 1, a <p> under <body>
// (element 0): for stages tested on hand-set features and verdicts.
Document Paragraphs(int n) {
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.elements.push_back({"body", -1, 0, "", {}});
  for (int i = 0; i < n; ++i) {
    doc.elements.push_back({"p", 0, 1, "", {}});
    Block b;
    b.text = "block " + std::to_string(i);
    b.element = i + 1;
    doc.blocks.push_back(b);
  }
  return doc;
}

Result CleanText(const std::string& text) {
  CleanOptions o;
  o.input = InputMode::kText;
  return Clean(text, o, Ruleset::Default());
}

}  // namespace

TEST_CASE("container: the subtree holding the prose is chosen over menus and sidebars") {
  std::string page = "<body><div id='menu'>";
  for (int i = 0; i < 12; ++i) page += "<a href='#'>Menu entry " + std::to_string(i) + "</a> ";
  page += "</div><div class='story'>";
  for (int i = 0; i < 4; ++i) page += "<p>" + kProse + "</p>";
  page += "</div><div class='sidebar'><p>Short teaser.</p></div></body>";
  const Result r = Clean(page, {}, Ruleset::Default());
  REQUIRE(r.container.top >= 0);
  CHECK(r.doc.elements[r.container.top].classid == "story");
  CHECK(r.container.reason.find("story") != std::string::npos);
  CHECK(Kept(r).find("Menu entry") == std::string::npos);
  CHECK(Kept(r).find("opening hours") != std::string::npos);
}

TEST_CASE("container: prose elsewhere on the page joins as a region, penalised prose does not") {
  const std::string intro =
      "Visitors who come after work will find the reading rooms open until ten, and the staff said that "
      "the study carrels on the upper floor can now be booked a week in advance by any card holder.";
  std::string page = "<body><div class='top'><div class='lead'><p>" + intro + "</p></div><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href='#'>Section of the site number " + std::to_string(i) + "</a></li>";
  page += "</ul></div><div class='page'><div class='story'>";
  for (int i = 0; i < 4; ++i) page += "<p>" + kProse + "</p>";
  page += "</div></div><div class='newsletter'><p>" + intro + " Sign up below.</p></div></body>";
  const Result r = Clean(page, {}, Ruleset::Default());
  REQUIRE(r.container.top >= 0);
  CHECK(r.doc.elements[r.container.top].classid == "story");
  REQUIRE(r.container.regions.size() == 1);
  CHECK(r.doc.elements[r.container.regions[0]].classid == "lead");
  CHECK(r.container.reason.find("1 region(s) elsewhere") != std::string::npos);
  CHECK(Kept(r).find(intro + "\n") != std::string::npos);
  CHECK(Kept(r).find("Sign up below") == std::string::npos);
}

TEST_CASE("container: a penalised wrapper's penalty reaches the unclassed form inside it") {
  // The banner's own elements have no class; its wrapper says "cookie". It
  // holds more prose than the story but less than half of the page's.
  const std::string banner =
      "Visitors who come after work will find the reading rooms open until ten, and the staff said that "
      "the study carrels on the upper floor can now be booked a week in advance by any card holder.";
  std::string page = "<body><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href='#'>Section of the site number " + std::to_string(i) + "</a></li>";
  page += "</ul><div class='lead'><p>" + kProse + "</p><p>" + kProse + "</p></div><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href='#'>Another part of the site " + std::to_string(i) + "</a></li>";
  page += "</ul><div class='piece'>";
  for (int i = 0; i < 3; ++i) page += "<p>" + kProse + "</p>";
  page += "</div><div class='cookie-banner'><form>";
  for (int i = 0; i < 4; ++i) page += "<p>" + banner + "</p>";
  page += "</form></div></body>";
  const Result r = Clean(page, {}, Ruleset::Default());
  REQUIRE(r.container.top >= 0);
  CHECK(r.doc.elements[r.container.top].classid == "piece");
}

TEST_CASE("smoothing: a short line between good paragraphs is kept, at the edges it goes") {
  const Result r = CleanText("Menu\n" + kProse + "\nShort line here.\n" + kProse + "\nFooter link\n");
  CHECK(r.verdicts[0].keep == false);
  CHECK(r.verdicts[2].keep == true);
  CHECK(r.verdicts[2].why == "context");
  CHECK(r.verdicts[4].keep == false);
}

TEST_CASE("smoothing: a line a rule dropped between paragraphs does not count as context") {
  // The "Read more" teaser goes by its rule; the subheading after it still
  // stands between two paragraphs.
  const Result r = CleanText(kProse + "\nRead more: Council delays vote on the harbour plan\nA new home for the archive\n" +
                             kProse + "\n");
  CHECK_FALSE(r.verdicts[1].keep);
  CHECK(r.verdicts[1].forced_by >= 0);
  CHECK(r.verdicts[2].keep);
  CHECK(r.verdicts[2].why == "context");
}

TEST_CASE("smoothing: a picture caption does not count as context for the list after it") {
  // The list's neighbours: the caption before (penalised) and a link line
  // after; past the caption stands the article's prose.
  const std::string page = "<body><article><p>" + kProse + "</p><p>" + kProse +
                           " Again.</p><figure><figcaption>Crash test dummies in the hall</figcaption></figure>"
                           "<ul><li>Eleven models are recommended</li><li>Four models fail on pollutants</li></ul>"
                           "<p><a href='/a'>Child seats compared in an older test from last year</a></p><p>" +
                           kProse + " Once more.</p></article></body>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK(Kept(r).find("Eleven models are recommended") != std::string::npos);
  CHECK(Kept(r).find("Four models fail on pollutants") != std::string::npos);
}

TEST_CASE("smoothing: a short sign-off after the last paragraph stays; a line introducing a list does not") {
  auto page = [&](const std::string& closing) {
    return "<body><article><div class='entry'><p>" + kProse + "</p><p>" + kProse + " Again.</p><p>" + closing +
           "</p></div><div class='share'><a href='/s'>Facebook</a> <a href='/t'>Twitter</a></div></article></body>";
  };
  const Result signed_off = Clean(page("Yours, the editors"), {}, Ruleset::Default());
  CHECK(Kept(signed_off).find("Yours, the editors") != std::string::npos);
  const Result teaser = Clean(page("You might also like these stories:"), {}, Ruleset::Default());
  CHECK(Kept(teaser).find("You might also like") == std::string::npos);
}

TEST_CASE("cut: a related-list heading removes the run of headlines after it") {
  const Result r = CleanText(kProse + "\n" + kProse +
                             "\nRelated\nMayor opens new bridge downtown\nSchool board elects new chair\n"
                             "Rain expected for the weekend\n");
  CHECK(r.verdicts[1].keep);
  for (std::size_t i = 2; i < r.verdicts.size(); ++i) {
    CHECK_FALSE(r.verdicts[i].keep);
    CHECK(r.verdicts[i].forced_by >= 0);
  }
}

TEST_CASE("cut: an unheaded run of headline-like lines after the body goes") {
  const Result r = CleanText(kProse + "\n" + kProse +
                             "\nMayor Opens New Bridge Downtown\nSchool Board Elects New Chair\n"
                             "Rain Expected For The Weekend\nLocal Team Wins Cup Final\n");
  for (std::size_t i = 2; i < r.verdicts.size(); ++i) CHECK_FALSE(r.verdicts[i].keep);
}

TEST_CASE("text header: unpunctuated lines before the body are dropped") {
  const Result r = CleanText("Home > News > City\nLibrary hours extended after council vote\n" + kProse + "\n" + kProse);
  CHECK_FALSE(r.verdicts[0].keep);
  CHECK_FALSE(r.verdicts[1].keep);
  CHECK(r.verdicts[1].why == "header line before the body");
  CHECK(r.verdicts[2].keep);
}

TEST_CASE("fallback: a page with too little kept text is widened to its container") {
  // Two short paragraphs only: nothing is "good" on its own.
  const Result r = Clean("<body><article><p>Opening hours change.</p><p>The library opens at nine.</p></article></body>",
                         {}, Ruleset::Default());
  CHECK(r.widened);
  CHECK(Kept(r).find("The library opens at nine.") != std::string::npos);
}

TEST_CASE("fallback: a page drawn by scripts takes its text from JSON-LD articleBody") {
  const std::string page =
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + kProse +
      "\\n\\nThe new hours start next month and apply to every branch.\"}</script></head>"
      "<body><div class='banner'><p>Please update your browser to see this page.</p></div>"
      "<div id='app'></div></body></html>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK(r.from_metadata);
  CHECK(Kept(r) == kProse + "\nThe new hours start next month and apply to every branch.\n");
  REQUIRE(r.features.size() == r.doc.blocks.size());
  CHECK(r.verdicts.back().why == "fallback: JSON-LD articleBody");
}

TEST_CASE("fallback: a page drawn from a script template takes the template's cleaned text") {
  const std::string post = "<div class='post-body'><p>" + kProse + "</p><p>" + kProse + " Again.</p></div>";
  const std::string page = "<html><head><meta name='description' content='A short description of the post, "
                           "long enough to be used when nothing better is there.'></head><body>"
                           "<div class='loading'>Loading...</div><script type='text/template'>" +
                           post + "<div class='share'>Share this post</div></script></body></html>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK(r.from_template);
  CHECK_FALSE(r.from_metadata);
  CHECK(Kept(r) == kProse + "\n" + kProse + " Again.\n");
  REQUIRE(r.features.size() == r.doc.blocks.size());
  CHECK(r.verdicts.back().why == "fallback: script template");
  // A page that holds its text itself ignores its templates.
  const Result full = Clean("<body><article><p>" + kProse + "</p><p>" + kProse +
                                "</p></article><script type='text/template'><p>Hello {{name}}</p></script></body>",
                            {}, Ruleset::Default());
  CHECK_FALSE(full.from_template);
  CHECK(Kept(full).find("Hello") == std::string::npos);
}

TEST_CASE("fallback: templates inside templates are not followed") {
  // The outer template's body is a thin page whose own template holds the
  // prose: followed, it would be taken; only one level is cleaned.
  const std::string page = "<body><p>Loading</p><script type='text/template'><p>Loading</p>"
                           "<script type='text/template'><p>" + kProse + "</p></script></body>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK(r.status.ok());
  CHECK_FALSE(r.from_template);
  CHECK(Kept(r).find("opening hours") == std::string::npos);
}

TEST_CASE("fallback: without a usable articleBody the meta description replaces a thin result") {
  // An articleBody holding markup is not used as text.
  const std::string page =
      "<html><head><meta name='description' content='" + kProse +
      "'><script type='application/ld+json'>{\"articleBody\":\"<p>" + kProse +
      "</p>\"}</script></head><body><p>Please update your browser to see this page.</p></body></html>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK(r.from_metadata);
  CHECK(Kept(r) == kProse + "\n");
}

TEST_CASE("fallback: a short article is not replaced by a description no longer than it") {
  const std::string page =
      "<html><head><meta name='description' content='Library hours change next month.'></head><body><article><p>" +
      kProse + "</p></article></body></html>";
  const Result r = Clean(page, {}, Ruleset::Default());
  CHECK_FALSE(r.from_metadata);
  CHECK(Kept(r) == kProse + "\n");
}

TEST_CASE("trim: kept blocks past the container's end go, back to the first long one") {
  // Five blocks; the container is the first two, each in a <div>.
  Document doc = Paragraphs(5);
  doc.elements[1].tag = doc.elements[2].tag = "div";
  Container c;
  c.top = 1;
  c.members = {1, 2};
  c.inside = {0, 1, 1, 0, 0, 0};
  std::vector<Features> f(5);
  const int chars[] = {400, 400, 120, 350, 80};
  for (int i = 0; i < 5; ++i) f[i].chars = chars[i];
  std::vector<Verdict> v(5);
  for (Verdict& x : v) x.keep = true;
  CHECK(TrimAfterContainer(doc, f, c, Ruleset::Default(), LabelOptions(), &v) == 1);
  CHECK(v[4].keep == false);
  CHECK(v[4].why == "after the container's end");
  CHECK(v[3].keep);  // long enough: the article goes on here
  CHECK(v[2].keep);
  CHECK(v[0].keep);
  // Without a container nothing is trimmed.
  std::vector<Verdict> w(5);
  for (Verdict& x : w) x.keep = true;
  CHECK(TrimAfterContainer(doc, f, Container(), Ruleset::Default(), LabelOptions(), &w) == 0);
  // A paragraph as the container does not mark the article's end.
  doc.elements[1].tag = "p";
  std::vector<Verdict> x(5);
  for (Verdict& y : x) y.keep = true;
  CHECK(TrimAfterContainer(doc, f, c, Ruleset::Default(), LabelOptions(), &x) == 0);
  CHECK(x[4].keep);
}

TEST_CASE("trim: blocks in an element that names itself the article body stay, unless a rule penalised them") {
  Document doc = Paragraphs(4);
  doc.elements[1].tag = "div";  // the container: a box, not a paragraph
  Container c;
  c.top = 1;
  c.members = {1};
  c.inside = {0, 1, 0, 0, 0};
  std::vector<Features> f(4);
  for (Features& x : f) x.chars = 80;
  const Ruleset& rules = Ruleset::Default();
  auto rule = [&](const std::string& name) {
    for (std::size_t i = 0; i < rules.rules().size(); ++i)
      if (rules.rules()[i].name == name) return static_cast<int>(i);
    return -1;
  };
  const int body = rule("classid-article-body"), share = rule("classid-share");
  REQUIRE(body >= 0);
  REQUIRE(share >= 0);
  std::vector<Verdict> v(4);
  for (Verdict& x : v) x.keep = true;
  v[1].rules = {body};
  v[2].rules = {body};         // a recipe step below the chosen container
  v[3].rules = {body, share};  // a share bar in the same body
  CHECK(TrimAfterContainer(doc, f, c, rules, LabelOptions(), &v) == 1);
  CHECK(v[2].keep);
  CHECK_FALSE(v[3].keep);
}

TEST_CASE("tail boxes: after the body's last paragraph, blocks in other boxes go") {
  Document doc;
  doc.kind = InputKind::kHtml;
  auto element = [&](const char* tag, int parent) {
    doc.elements.push_back({tag, parent, parent < 0 ? 0 : doc.elements[parent].depth + 1, "", {}});
    return static_cast<int>(doc.elements.size()) - 1;
  };
  const int body = element("body", -1), article = element("article", body);
  const int figure = element("div", article), promo = element("div", article), section = element("section", article);
  const int list = element("ul", article), aside = element("aside", body), aside_box = element("div", aside);
  struct Spec {
    int parent;
    const char* tag;
    BlockKind kind;
    int chars;
  };
  const Spec specs[] = {
      {article, "p", BlockKind::kParagraph, 900},    // 0 the body
      {figure, "p", BlockKind::kParagraph, 100},     // 1 a box before the body's end: not looked at
      {article, "p", BlockKind::kParagraph, 900},    // 2 the body's last paragraph
      {promo, "p", BlockKind::kParagraph, 120},      // 3 short, in a box nested in the body: goes
      {section, "p", BlockKind::kParagraph, 350},    // 4 long, in a nested box: the article goes on
      {list, "li", BlockKind::kListItem, 60},        // 5 a closing list item: stays
      {article, "h2", BlockKind::kHeading, 30},      // 6 a heading after the body: goes
      {aside_box, "p", BlockKind::kParagraph, 250},  // 7 outside the body: goes
      {body, "p", BlockKind::kParagraph, 200},       // 8 shallower than the body: stays
  };
  std::vector<Features> f;
  for (const Spec& s : specs) {
    Block b;
    b.kind = s.kind;
    b.element = element(s.tag, s.parent);
    doc.blocks.push_back(b);
    Features x;
    x.chars = s.chars;
    f.push_back(x);
  }
  std::vector<Verdict> v(doc.blocks.size());
  for (Verdict& x : v) x.keep = true;
  CHECK(TrimTailBoxes(doc, f, LabelOptions(), &v) == 3);
  const bool kept[] = {true, true, true, false, true, true, false, false, true};
  for (std::size_t i = 0; i < v.size(); ++i) CHECK_MESSAGE(v[i].keep == kept[i], "block " << i);
  CHECK(v[7].why == "after the body, in another box");
  // When no parent holds half the kept text there is no body to measure from.
  std::vector<Verdict> w(doc.blocks.size());
  for (Verdict& x : w) x.keep = true;
  LabelOptions strict;
  strict.tail_body_share = 0.9;
  CHECK(TrimTailBoxes(doc, f, strict, &w) == 0);
}

TEST_CASE("tail boxes: text straight in <body> leaves the boxes after it alone") {
  // A run of inline text in <body> itself, then an article: the page has
  // no article box to measure the others by.
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.elements.push_back({"html", -1, 0, "", {}});
  doc.elements.push_back({"body", 0, 1, "", {}});
  doc.elements.push_back({"span", 1, 2, "", {}});
  doc.elements.push_back({"article", 1, 2, "", {}});
  doc.elements.push_back({"p", 3, 3, "", {}});
  Block words, article;
  words.element = 1;
  article.element = 4;
  doc.blocks = {words, article};
  std::vector<Features> f(2);
  f[0].chars = 5000;
  f[1].chars = 80;
  std::vector<Verdict> v(2);
  for (Verdict& x : v) x.keep = true;
  CHECK(TrimTailBoxes(doc, f, LabelOptions(), &v) == 0);
  CHECK(v[1].keep);
}

TEST_CASE("lede: good prose right above the container is kept, up to the first block that fails") {
  // Blocks 0-3 above the container (blocks 4-5).
  const Document doc = Paragraphs(6);
  Container c;
  c.top = 5;
  c.members = {5, 6};
  c.inside = {0, 0, 0, 0, 0, 1, 1};
  std::vector<Features> f(6);
  const int chars[] = {300, 250, 240, 40, 400, 400};
  for (int i = 0; i < 6; ++i) f[i].chars = chars[i];
  std::vector<Verdict> v(6);
  for (int i = 0; i < 6; ++i) {
    v[i].initial = Class::kGood;
    v[i].score = -1.25;  // good prose with a "header" class, outside the container
    v[i].keep = i >= 4;
  }
  v[1].score = -8;  // a navigation block: the walk stops there
  CHECK(KeepLede(doc, f, c, LabelOptions(), &v) == 1);
  CHECK(v[2].keep);
  CHECK(v[2].why == "lede: prose right above the container");
  CHECK_FALSE(v[3].keep);  // short: not looked at
  CHECK_FALSE(v[1].keep);
  CHECK_FALSE(v[0].keep);  // beyond the block that failed
}

TEST_CASE("favor: recall keeps at least what balanced keeps, precision at most") {
  const std::string page = "<body><div><p>" + kProse + "</p><p>A middling line of text, perhaps.</p><p>" + kProse +
                           "</p><p>Another unsure line.</p></div></body>";
  auto kept_count = [&](Favor f) {
    CleanOptions o;
    o.score.favor = f;
    const Result r = Clean(page, o, Ruleset::Default());
    int n = 0;
    for (const Verdict& v : r.verdicts) n += v.keep;
    return n;
  };
  CHECK(kept_count(Favor::kRecall) >= kept_count(Favor::kBalanced));
  CHECK(kept_count(Favor::kPrecision) <= kept_count(Favor::kBalanced));
}

}  // namespace pith

namespace pith {

TEST_CASE("tables: a table between the article's paragraphs keeps its short cells, one after the text does not") {
  // The benchmark table's cells are too short to be judged alone, and one
  // of them ("Twitter", a project's name) is what a share bar says.
  const std::string table =
      "<table><tr><td>Project</td><td>Throughput</td></tr><tr><td>parser-2018</td><td>3.3 GB/s</td></tr>"
      "<tr><td>Twitter</td><td>0.091 GB/s</td></tr></table>";
  const std::string page = "<body><nav><a href=/>Home</a></nav><article><p>" + kProse + "</p>" + table + "<p>" +
                           kProse + "</p></article></body>";
  const Result r = Clean(page, CleanOptions(), Ruleset::Default());
  const std::string kept = Kept(r);
  CHECK(kept.find("parser-2018") != std::string::npos);
  CHECK(kept.find("3.3 GB/s") != std::string::npos);
  CHECK(kept.find("0.091 GB/s") != std::string::npos);
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (r.BlockText(i) == "0.091 GB/s") CHECK(r.verdicts[i].why == "in a table or list between kept text");
  CHECK(kept.find("Twitter") == std::string::npos);  // the share rule still speaks against it
  // After the last paragraph the same table is not between kept text.
  const std::string tail = "<body><article><p>" + kProse + "</p><p>" + kProse + "</p>" + table + "</article></body>";
  CHECK(Kept(Clean(tail, CleanOptions(), Ruleset::Default())).find("3.3 GB/s") == std::string::npos);
}

TEST_CASE("described: the paragraph the meta description repeats is kept outside the container, a link or comment heading is not") {
  const std::string lede =
      "Night trains between the northern ports and the capital return this spring after a pause of twelve years.";
  const std::string head = "<head><meta name=\"description\" content=\"" + lede +
                           "\"><meta property=\"og:site_name\" content=\"The Northern Ports\"></head>";
  // The standfirst sits in a header box that the class rules penalise, a
  // subtitle and the site's name (their words all in the summary) in a box
  // of their own, outside the article.
  const std::string page = "<html>" + head + "<body><div class=\"page-header\"><p>" + lede +
                           "</p></div><div><p>The northern ports</p><p>Night trains return this spring</p></div>"
                           "<article><p>" + kProse + "</p><p>" + kProse +
                           "</p></article><h3>12 thoughts on night trains between the northern ports and the capital return "
                           "this spring</h3><div class=\"comment\"><p>Lovely news.</p></div></body></html>";
  const Result r = Clean(page, CleanOptions(), Ruleset::Default());
  const std::string kept = Kept(r);
  CHECK(kept.find(lede) != std::string::npos);
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (r.BlockText(i) == lede) CHECK(r.verdicts[i].why == "says what the page's description says");
  CHECK(kept.find("Night trains return this spring") != std::string::npos);
  CHECK(kept.find("The northern ports") == std::string::npos);
  CHECK(kept.find("thoughts on") == std::string::npos);  // below the kept text
  // The same summary as a link to the story elsewhere is a teaser.
  const std::string teaser = "<html>" + head + "<body><div class=\"page-header\"><p><a href=\"/other\">" + lede +
                             "</a></p></div><article><p>" + kProse + "</p></article></body></html>";
  CHECK(Kept(Clean(teaser, CleanOptions(), Ruleset::Default())).find("Night trains") == std::string::npos);
}

TEST_CASE("guard: a container whose prose was pruned by a class penalty gets it back") {
  // The article wrapper carries a class the rules penalise ("comments"),
  // on an element that holds little of the page's prose share.
  std::string page = "<body><div class='story'><div class='comment-body'><p>" + kProse + "</p></div>";
  for (int i = 0; i < 3; ++i) page += "<div class='comment-body'><p>" + kProse + " " + std::to_string(i) + "</p></div>";
  page += "</div></body>";
  CleanOptions o;
  o.score.shield_share = 1.1;  // switch the shield off so only the guard can help
  const Result r = Clean(page, o, Ruleset::Default());
  CHECK(r.guarded);
  CHECK(Kept(r).find("opening hours") != std::string::npos);
}

}  // namespace pith

namespace pith {

TEST_CASE("rules: article sentences about subscriptions are not prompts") {
  const std::string line =
      "L'abonnement annuel au service de vélos coûte vingt euros, et la première demi-heure de chaque trajet "
      "est gratuite pour tous les usagers inscrits.";
  const std::string fr =
      "Le conseil municipal a voté mardi la prolongation des horaires de la bibliothèque, qui avaient été "
      "réduits pendant l'hiver, et le maire a dit que cette décision aiderait les étudiants.";
  const Result r = CleanText(fr + "\n" + line + "\n" + fr + "\n");
  CHECK(Kept(r).find("L'abonnement annuel") != std::string::npos);
}

}  // namespace pith

namespace pith {

TEST_CASE("rules: 'read also' teasers between paragraphs go, in several languages") {
  for (const std::string teaser : {"Read also: Mayor opens new bridge downtown", "Mehr dazu: Zoo verschiebt Entscheidung",
                                   "Читайте также: Городская дума приняла бюджет", "延伸阅读：博物馆获评全国先进单位"}) {
    const Result r = CleanText(kProse + "\n" + teaser + "\n" + kProse + "\n");
    CHECK_MESSAGE(Kept(r).find(teaser) == std::string::npos, teaser);
    CHECK(r.verdicts[0].keep);
    CHECK(r.verdicts[2].keep);
  }
}

}  // namespace pith

namespace pith {

TEST_CASE("rules: feedback widgets, affiliate and consent notes between paragraphs go") {
  for (const std::string note :
       {"Was this article helpful?", "War der Artikel nützlich?", "Valora esta noticia",
        "This post contains affiliate links: we may earn a commission if you buy through them.",
        "Externer Inhalt: Mit einem Klick laden Sie das Video von einem Drittanbieter.",
        "We respect your privacy and never share your address.", "Alle Angaben ohne Gewähr."}) {
    const Result r = CleanText(kProse + "\n" + note + "\n" + kProse + "\n");
    CHECK_MESSAGE(Kept(r).find(note) == std::string::npos, note);
    CHECK(r.verdicts[0].keep);
    CHECK(r.verdicts[2].keep);
  }
}

TEST_CASE("rules: a long paragraph about affiliate marketing stays") {
  const std::string about =
      "Affiliate links have become a large business for publishers: a study of two thousand shopping guides "
      "found that most of their income came from commissions on sales, and the authors argue that readers "
      "rarely notice the disclosures, which are often printed in small type at the very end of a page, far "
      "from the recommendations themselves.";
  const Result r = CleanText(kProse + "\n" + about + "\n" + kProse + "\n");
  CHECK(Kept(r).find(about) != std::string::npos);
}

}  // namespace pith
