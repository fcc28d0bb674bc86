#include "document/html.h"

#include <doctest/doctest.h>

namespace pith {

TEST_CASE("html: block elements become blocks, inline text joins, links are counted") {
  const Document d = ParseHtml(
      "<html><body><div class='Main Story' id='x'><h2>Title</h2><p>Hello <b>bold</b> "
      "<a href='#'>link</a> end.</p><ul><li>one</li><li>two</li></ul></div></body></html>");
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].kind == BlockKind::kHeading);
  CHECK(d.blocks[0].level == 2);
  CHECK(d.blocks[1].text == "Hello bold link end.");
  CHECK(d.blocks[1].link_chars == 4);
  CHECK(d.blocks[1].links == 1);
  CHECK(d.blocks[2].kind == BlockKind::kListItem);
  CHECK(d.blocks[1].tag_path == "html>body>div>p");
  const Element& div = d.elements[d.elements[d.blocks[1].element].parent];
  CHECK(div.classid == "main story x");
}

TEST_CASE("html: script, style, hidden elements and form controls are skipped") {
  const Document d = ParseHtml(
      "<body><script>var x = 'no';</script><style>p{}</style><p>kept</p>"
      "<div hidden>gone</div><div style='display: none'>gone</div><div aria-hidden='true'>gone</div>"
      "<select><option>gone</option></select></body>");
  REQUIRE(d.blocks.size() == 1);
  CHECK(d.blocks[0].text == "kept");
}

TEST_CASE("html: ruby readings and invisible format characters leave the text") {
  // Furigana (<rt>, <rp>) would double every annotated word; soft hyphens and
  // zero-width spaces would split words for every consumer of the text.
  const Document d = ParseHtml(
      "<body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>"
      "<p>Mit&shy;tel&shy;al&shy;ter und Zeit​zeugen⁠</p></body>");
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.blocks[0].text == "子ども");
  CHECK(d.blocks[1].text == "Mittelalter und Zeitzeugen");
}

TEST_CASE("html: metadata from title, meta tags and JSON-LD") {
  const Document d = ParseHtml(
      "<html lang='de-DE'><head><title>Page title</title>"
      "<meta property='og:site_name' content='Example Site'>"
      "<meta name='author' content='Jane Roe'>"
      "<meta name='description' content='Short teaser.'>"
      "<meta property='og:description' content='The standfirst, which says more than the teaser.'>"
      "<meta name='twitter:description' content='A mid-length one.'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-01-02\"}</script>"
      "</head><body><p>x</p></body></html>");
  CHECK(d.meta.title == "Page title");
  CHECK(d.meta.site_name == "Example Site");
  CHECK(d.meta.author == "Jane Roe");
  CHECK(d.meta.description == "The standfirst, which says more than the teaser.");  // the longest
  CHECK(d.meta.date == "2024-01-02");
  CHECK(d.meta.language == "de-de");
}

TEST_CASE("html: <br> keeps a line break inside a block; pre keeps its spacing") {
  const Document d = ParseHtml("<p>one<br>two</p><pre>a  b\n  c</pre>");
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.blocks[0].text == "one\ntwo");
  CHECK(d.blocks[1].kind == BlockKind::kPre);
  CHECK(d.blocks[1].text == "a  b\n  c");
}

TEST_CASE("html: deep nesting is walked without recursion") {
  std::string page;
  for (int i = 0; i < 3000; ++i) page += "<div>";
  page += "<p>deep text</p>";
  const Document d = ParseHtml(page);
  REQUIRE(d.blocks.size() == 1);
  CHECK(d.blocks[0].text == "deep text");
}

}  // namespace pith
