#include "output/render.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace pith {

namespace {
const std::string kProse =
    "The museum will reopen its east wing in June after two years of repairs, the director said, and "
    "visitors will be able to see the restored ceiling paintings for the first time since the flood.";

Result CleanPage(const std::string& html) { return Clean(html, {}, Ruleset::Default()); }
}  // namespace

TEST_CASE("render: markdown keeps headings, lists, quotes and tables") {
  const Result r = CleanPage("<html><body><article><h2>Reopening</h2><p>" + kProse + "</p><ul><li>Tickets are free.</li>"
                             "<li>Tours start at ten.</li></ul><blockquote>We are delighted to open again, she said, "
                             "and we thank every volunteer.</blockquote><p>" + kProse +
                             "</p><table><tr><td>Day</td><td>Hours</td></tr><tr><td>Monday</td><td>Closed</td></tr>"
                             "</table><p>" + kProse + "</p></article></body></html>");
  const std::string md = Render(r, Format::kMarkdown, Ruleset::Default(), "x");
  CHECK(md.find("## Reopening\n") != std::string::npos);
  CHECK(md.find("- Tickets are free.\n- Tours start at ten.\n") != std::string::npos);
  CHECK(md.find("> We are delighted") != std::string::npos);
  CHECK(md.find("| Day | Hours |\n| --- | --- |\n| Monday | Closed |") != std::string::npos);
}

TEST_CASE("render: html output is sanitised and escaped") {
  const Result r = CleanPage("<body><article><p onclick='evil()'>" + kProse + " a &lt;b&gt; &amp; c</p><script>alert(1)</script>"
                             "<iframe src='x'></iframe><p>" + kProse + "</p></article></body>");
  const std::string html = Render(r, Format::kHtml, Ruleset::Default(), "x");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("iframe") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("a &lt;b&gt; &amp; c") != std::string::npos);
}

TEST_CASE("render: json carries text, metadata and removal counts per family") {
  const Result r = CleanPage(
      "<html lang='en'><head><title>Museum reopens</title><meta name='author' content='A. Writer'></head><body>"
      "<article><p>" + kProse + "</p><p>" + kProse + "</p><p>Subscribe to our newsletter</p></article>"
      "<footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>");
  const auto j = nlohmann::json::parse(Render(r, Format::kJson, Ruleset::Default(), "page.html"));
  CHECK(j["source"] == "page.html");
  CHECK(j["title"] == "Museum reopens");
  CHECK(j["author"] == "A. Writer");
  CHECK(j["language"] == "en");
  CHECK(j["input"] == "html");
  CHECK(j["text"].get<std::string>().find("east wing") != std::string::npos);
  CHECK(j["text"].get<std::string>().find("newsletter") == std::string::npos);
  CHECK(j["removed"].is_object());
  int removed = 0;
  for (const auto& [family, count] : j["removed"].items()) removed += count.get<int>();
  CHECK(removed == j["blocks"]["total"].get<int>() - j["blocks"]["kept"].get<int>());
}

TEST_CASE("render: explain names input kind, container and each block's decision") {
  const Result r = CleanPage("<body><div class='post'><p>" + kProse + "</p><p>" + kProse + "</p></div></body>");
  const std::string e = RenderExplain(r, Format::kText, Ruleset::Default(), "page.html");
  CHECK(e.find("input:     html (starts with <body") != std::string::npos);
  CHECK(e.find("container: <div class/id=\"post\">") != std::string::npos);
  CHECK(e.find("#0    KEEP") != std::string::npos);
}

TEST_CASE("render: explain as JSON gives every block in full with its decision") {
  const std::string nav = "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>";
  const Result r = CleanPage("<body>" + nav + "<div class='post'><p>" + kProse + "</p><p>" + kProse + "</p></div></body>");
  const auto j = nlohmann::json::parse(RenderExplain(r, Format::kJson, Ruleset::Default(), "page.html"));
  CHECK(j["source"] == "page.html");
  CHECK(j["container"].get<std::string>().rfind("<div class/id=\"post\">", 0) == 0);
  REQUIRE(j["blocks"].size() == r.doc.blocks.size());
  bool prose_kept = false, nav_dropped = false;
  for (const auto& b : j["blocks"]) {
    if (b["text"] == kProse) prose_kept = b["keep"].get<bool>() && b["inside"].get<bool>();
    if (b["text"].get<std::string>().find("Home") != std::string::npos) nav_dropped = !b["keep"].get<bool>();
  }
  CHECK(prose_kept);
  CHECK(nav_dropped);
}

}  // namespace pith
