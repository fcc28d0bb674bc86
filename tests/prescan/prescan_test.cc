#include "prescan/prescan.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "document/html.h"

namespace pith {

namespace {

std::string Scan(const std::string& html) { return PreScan(html, {}).html; }

// With every attribute kept, for the tests of the tokenizer itself.
std::string ScanAllAttributes(const std::string& html) {
  PreScanOptions o;
  o.drop_unread_attributes = false;
  return PreScan(html, o).html;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<std::string> BlockTexts(const Document& d) {
  std::vector<std::string> texts;
  for (const Block& b : d.blocks) texts.push_back(b.text);
  return texts;
}

// The parse of the pre-scanned page gives the same blocks as the page.
void CheckSameBlocks(const std::string& html) {
  const Document a = ParseHtml(html);
  const Document b = ParseHtml(Scan(html));
  REQUIRE(BlockTexts(a) == BlockTexts(b));
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    CHECK(a.blocks[i].tag_path == b.blocks[i].tag_path);
    CHECK(a.blocks[i].kind == b.blocks[i].kind);
    CHECK(a.blocks[i].link_chars == b.blocks[i].link_chars);
  }
  CHECK(a.meta.title == b.meta.title);
  CHECK(a.meta.date == b.meta.date);
  CHECK(a.meta.author == b.meta.author);
}

}  // namespace

TEST_CASE("prescan: script, style and comments go, everything else is copied byte for byte") {
  const PreScanned p = PreScan(
      "<!DOCTYPE html><html><head><style>p { color: red }</style><script src=x.js></script></head>"
      "<body><!-- nav --><p class=\"lead\">Hello &amp; <b>welcome</b></p></body></html>", {});
  CHECK(p.html == "<!DOCTYPE html><html><head></head><body><p class=\"lead\">Hello &amp; <b>welcome</b></p></body></html>");
  CHECK(p.depth_capped == 0);
  CHECK(p.bytes_skipped == 69);
}

TEST_CASE("prescan: a script ends only at </script followed by space, / or >") {
  CHECK(Scan("<script>var s = \"</p><p>no</p>\";</script>after") == "after");
  CHECK(Scan("<script>a </scriptx> b </script2> c</script >after") == "after");
  CHECK(Scan("<SCRIPT>x</SCRIPT>after") == "after");
  CHECK(Scan("<script>x</script/>after") == "after");
  // "<!--" then "<script" inside a script: the first "</script>" does not end it.
  CHECK(Scan("<script><!-- document.write('<script>x</script>'); --></script>after") == "after");
  // An unterminated script runs to the end, as the parser reads it.
  CHECK(Scan("<p>before</p><script>var x = '<p>never</p>';") == "<p>before</p>");
}

TEST_CASE("prescan: comments, including the short and unterminated forms") {
  CHECK(Scan("a<!-- <div>not a tag</div> -->b") == "ab");
  CHECK(Scan("a<!-->b") == "ab");
  CHECK(Scan("a<!--->b") == "ab");
  CHECK(Scan("a<!-- x --!>b") == "ab");
  CHECK(Scan("a<!-- x -- y --->b") == "ab");
  CHECK(Scan("<p>kept</p><!-- unterminated <p>dropped</p>") == "<p>kept</p>");
  CHECK(Scan("a<?php echo 1 ?>b<!bogus>c") == "abc");
}

TEST_CASE("prescan: JSON-LD is kept verbatim and still read as metadata") {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"datePublished\":\"2024-03-01\",\"x\":\"</p>\"}</script>";
  const std::string page = "<html><head>" + ld + "<script>track()</script></head><body><p>x</p></body></html>";
  const std::string out = Scan(page);
  CHECK(out == "<html><head>" + ld + "</head><body><p>x</p></body></html>");
  CHECK(ParseHtml(out).meta.date == "2024-03-01");
}

TEST_CASE("prescan: quoted attribute values may hold '>' and tag-like text") {
  const std::string page = "<b title=\"a > b\" href='x>y'>link</b><div data-x='<script>'>text</div>";
  CHECK(ScanAllAttributes(page) == page);
  CHECK(ScanAllAttributes("<img alt=\"<!-- no comment -->\">after") == "<img alt=\"<!-- no comment -->\">after");
  // The same tags with the attributes pith never reads left out.
  CHECK(Scan(page) == "<b title=\"a > b\" href='x>y'>link</b><div >text</div>");
  CHECK(Scan("<img alt=\"<!-- no comment -->\">after") == "<img >after");
}

TEST_CASE("prescan: upper-case tags are the same elements") {
  CHECK(Scan("<BODY><STYLE>p{}</Style><NOSCRIPT><P>x</P></NOSCRIPT><P>y</P>") == "<BODY><P>y</P>");
}

TEST_CASE("prescan: title is kept as text; textarea, iframe, noscript, template go") {
  CHECK(Scan("<title>A <b> title</titlex></title>") == "<title>A <b> title</titlex></title>");
  CHECK(Scan("<textarea><p>typed</p></textarea><iframe><p>frame</p></iframe>after") == "after");
  CHECK(Scan("<body><template><p>hidden</p></template><noscript><p>enable js</p></noscript>after") ==
        "<body>after");
  CHECK(Scan("<object data=x><p>fallback</p></object><canvas>no canvas</canvas>after") == "after");
}

TEST_CASE("prescan: dropped elements end where the parser ends them") {
  // A block end tag closes the unclosed <canvas> inside it.
  CHECK(Scan("<div><canvas>fallback</div><p>after</p>") == "<div></div><p>after</p>");
  // <p> is not allowed in svg: it ends the svg and its text is article text.
  CHECK(Scan("<svg><path d=\"M0\"/><p>text</p>") == "<p>text</p>");
  CHECK(Scan("<svg><g><![CDATA[</svg>]]></g></svg><p>after</p>") == "<p>after</p>");
  CHECK(Scan("<math><mi>x</mi></math>after") == "after");
  // A <noscript> in <head> ends at the first tag that is not head content
  // (the parser ignores the </head> inside it).
  const std::string head = "<head><noscript><link rel=stylesheet href=x></head><body><p>text</p>";
  CHECK(Scan(head) == "<head><body><p>text</p>");
  CheckSameBlocks(head);
}

TEST_CASE("prescan: <noscript> is read as a browser reads it, up to its end tag") {
  // Gumbo ignores </noscript> while the unclosed <div> is open, so the rest
  // of the page would become the noscript's content and be dropped with it.
  CHECK(Scan("<body><noscript><div id=warn></noscript><p>after</p>") == "<body><p>after</p>");
  const Document d = ParseHtml(Scan("<body><noscript><div id=warn></noscript><div><p>after</p></div>"));
  CHECK(BlockTexts(d) == std::vector<std::string>{"after"});
}

TEST_CASE("prescan: the parser's own habits are kept where they decide what is dropped") {
  // Gumbo closes the nearest element of a name it does not know on any end
  // tag of a name it does not know, so </x-other> closes <x-card> and the
  // <canvas> inside it.
  const std::string custom = "<x-card><canvas>fallback</x-other><p>after</p>";
  CHECK(Scan(custom) == "<x-card></x-other><p>after</p>");
  CheckSameBlocks(custom);
  // A <frameset> after body content is ignored; dropping that content must
  // not let it replace the body.
  const std::string frames = "<body><textarea>x</textarea><frameset><p>after</p>";
  CHECK(Scan(frames) == "<body><p>after</p>");
  CheckSameBlocks(frames);
}

TEST_CASE("prescan: depth is capped, the text of the dropped elements is kept") {
  PreScanOptions o;
  o.max_depth = 3;
  const PreScanned p = PreScan("<div><div><div><div><span>deep</span></div></div></div></div><p>after</p>", o);
  // A dropped block-level tag leaves one <br>, so text on either side stays apart.
  CHECK(p.html == "<div><div><div><br>deep<br></div></div></div><p>after</p>");
  CHECK(p.depth_capped == 2);
  // Void elements cannot nest and stay.
  CHECK(PreScan("<div><div><div><div>a<br>b</div></div></div></div>", o).html ==
        "<div><div><div><br>a<br>b<br></div></div></div>");
  // Inline tags leave nothing; a run of block tags leaves one <br>.
  CHECK(PreScan("<div><div><div><span>a</span><b>b</b><div><div><p>c</p></div></div>d</div></div></div>", o).html ==
        "<div><div><div>ab<br>c<br>d</div></div></div>");
}

TEST_CASE("prescan: siblings closed by implied end tags do not count as nesting") {
  PreScanOptions o;
  o.max_depth = 4;
  CHECK(PreScan("<ul>" + Repeat("<li>item", 1000) + "</ul>", o).depth_capped == 0);
  CHECK(PreScan("<dl>" + Repeat("<dt>term<dd>definition", 1000) + "</dl>", o).depth_capped == 0);
  CHECK(PreScan(Repeat("<p>paragraph", 1000) + "<div>x</div>", o).depth_capped == 0);
  CHECK(PreScan("<table>" + Repeat("<tr><td>a<td>b<th>c", 1000) + "</table>", o).depth_capped == 0);
  CHECK(PreScan("<select>" + Repeat("<option>o", 1000) + "</select>", o).depth_capped == 0);
  CHECK(PreScan(Repeat("<a href=#>link", 1000), o).depth_capped == 0);
}

TEST_CASE("prescan: attribute values over the limit become empty") {
  const std::string big(100 * 1024, 'x');
  const PreScanned p = PreScan("<div style=\"" + big + "\" class=c role=" + big + ">text</div>", {});
  CHECK(p.html == "<div style=\"\" class=c role=\"\">text</div>");
  CHECK(p.bytes_skipped == 2 * big.size() - 2);
}

TEST_CASE("prescan: attributes pith never reads are left out, those it or the parser reads stay") {
  CHECK(Scan("<div class=\"post\" data-id=7 onclick='go()' id=main hidden><img src=a.jpg srcset=\"a 2x\" alt=x>"
             "<p ROLE=note Data-TestId=t lang=fr>text</p></div>") ==
        "<div class=\"post\"   id=main hidden><img   ><p ROLE=note Data-TestId=t lang=fr>text</p></div>");
  // Formatting elements keep them all (the parser compares them when it
  // re-creates one), as do isindex, input's type and annotation-xml's encoding;
  // but not <a>, which the parser never compares (a new one closes the open one).
  CHECK(Scan("<a href=/x class=l>a</a><font face=Arial color=red>f</font>") ==
        "<a  class=l>a</a><font face=Arial color=red>f</font>");
  CHECK(Scan("<isindex prompt=\"Search:\" action=/s>") == "<isindex prompt=\"Search:\" action=/s>");
  CHECK(Scan("<table><input type=hidden name=q value=1></table>") == "<table><input type=hidden name=q ></table>");
  // Metadata and rule targets read from attributes are the same after the scan.
  const std::string page =
      "<html lang=de><head><meta property=\"og:title\" content=\"Der Titel\" data-x=1>"
      "<meta name=author content=\"Eva Berg\"><meta http-equiv=content-language content=de></head><body>"
      "<nav role=navigation aria-label=Hauptmenü data-testid=nav-main><a href=/ rel=home>Start</a></nav>"
      "<article itemtype=\"https://schema.org/Article\" data-component=story><time datetime=2024-01-02>2. Januar</time>"
      "<p itemprop=articleBody style=\"color: red\" data-track=p1>Ein Absatz mit Text.</p>"
      "<div aria-hidden=true data-x=2>versteckt</div><div style=\"display: none\">auch versteckt</div></article>";
  CheckSameBlocks(page);
  const Document a = ParseHtml(page), b = ParseHtml(Scan(page));
  CHECK(a.meta.language == b.meta.language);
  REQUIRE(a.elements.size() == b.elements.size());
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    CHECK(a.elements[i].classid == b.elements[i].classid);
    CHECK(a.elements[i].attrs == b.elements[i].attrs);
  }
}

TEST_CASE("prescan: whitespace runs keep their first character, except in pre and listing") {
  CHECK(Scan("<div>\n    <p>Two  words\t\t here</p>\r\n  </div>") == "<div>\n<p>Two words\there</p>\r</div>");
  CHECK(Scan("<pre>\n  code\n    more</pre>  after") == "<pre>\n  code\n    more</pre> after");
  CHECK(Scan("<listing>\n  a  b</listing>") == "<listing>\n  a  b</listing>");
  CHECK(Scan("<p>no&nbsp;&nbsp;change \u00A0\u00A0 here</p>") == "<p>no&nbsp;&nbsp;change \u00A0\u00A0 here</p>");
  PreScanOptions o;
  o.collapse_whitespace = false;
  CHECK(PreScan("<p>a   b</p>", o).html == "<p>a   b</p>");
  CheckSameBlocks(
      "<html>\n  <head>\n    <title>  Spaced   title </title>\n  </head>\n  <body>\n    <table>\n      <tr>\n"
      "        <td>  cell   one  </td>\n      </tr>\n    </table>\n    <p>Line one<br>\n      line two</p>\n"
      "    <pre>\n  keep   this\n    indent</pre>\n    <ul>\n      <li>  item  </li>\n    </ul>\n  </body>\n</html>\n");
}

TEST_CASE("prescan: strip_raw_text off keeps scripts and comments") {
  PreScanOptions o;
  o.strip_raw_text = false;
  const std::string page = "<script>x</script><!-- c --><svg><path/></svg><p>y</p>";
  CHECK(PreScan(page, o).html == page);
}

TEST_CASE("prescan: normal pages parse to the same blocks") {
  CheckSameBlocks(
      "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Storm closes the coast road</title>"
      "<script>window.dataLayer=[];</script><style>.nav{display:flex}</style>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-05-02\","
      "\"author\":{\"name\":\"Ana Lima\"}}</script></head><body>"
      "<header><nav><ul><li><a href=/>Home</a><li><a href=/news>News</a><li><a href=/sport>Sport</a></ul></nav></header>"
      "<!-- article --><main><article><h1>Storm closes the coast road</h1>"
      "<p class=byline>By <a href=/ana>Ana Lima</a>, 2 May 2024</p>"
      "<p>The coast road was closed on Thursday after waves <em>washed</em> stones onto it.<br>Crews expect "
      "to reopen it by the weekend.</p><figure><img src=a.jpg alt=\"Waves > wall\"><figcaption>Waves at the "
      "harbour wall.</figcaption></figure><p>Residents were asked to use the inland route.<p>Schools stay open."
      "<noscript><img src=pixel.gif></noscript></article>"
      "<aside><h2>Most read</h2><ol><li>One<li>Two<li>Three</ol></aside></main>"
      "<footer><p>&copy; 2024 Coast News</p><svg viewBox=\"0 0 10 10\"><title>logo</title><path d=M0/></svg>"
      "</footer><script>track('view')</script></body></html>");
  CheckSameBlocks(
      "<html><body><table width=100%><tr><td><font face=Arial><b>Old style page</b></font><br>"
      "<td><table><tr><td>Menu<tr><td>Links</table><tr><td colspan=2><p>First paragraph of the story, "
      "with <i>some emphasis<p>and an unclosed paragraph</i> that continues.<p>Last one.</table>"
      "<center><small>Copyright</small></center></body></html>");
  CheckSameBlocks(
      "<div id=app><div class=\"card\"><a class=card-link href=/a><div class=title>Card title</div>"
      "<span>Card text <svg class=icon><use href=#arrow></use></svg></span></a></div>"
      "<div class=content><h2>Heading</h2><p>Body text with a <code>snippet</code>.</p><pre>  indented\n"
      "  code</pre><blockquote><p>Quoted.</p></blockquote><dl><dt>Term<dd>Definition</dl>"
      "<template id=row><tr><td>template row</td></tr></template><p>Final text.</p></div>"
      "<form><select name=s><option>One<option>Two</select><textarea>typed</textarea></form></div>");
}

TEST_CASE("prescan: 1,000,000 nested <div> stay bounded and the text after survives") {
  const std::string page = Repeat("<div>", 1000000) + "<p>after</p>";
  const PreScanned p = PreScan(page, {});
  CHECK(p.depth_capped == 1000000 - 256 + 1);
  const Document d = ParseHtml(p.html);
  REQUIRE(d.blocks.size() == 1);
  CHECK(d.blocks[0].text == "after");
}

TEST_CASE("prescan: 20,000 nested <ul><li> stay bounded") {
  const PreScanned p = PreScan(Repeat("<ul><li>", 20000) + "<p>after</p>", {});
  CHECK(p.depth_capped > 0);
  const Document d = ParseHtml(p.html);
  REQUIRE(!d.blocks.empty());
  CHECK(d.blocks.back().text == "after");
}

TEST_CASE("prescan: 5,000 nested <table><tr><td> stay bounded") {
  const PreScanned p = PreScan(Repeat("<table><tr><td>", 5000) + "<p>after</p>", {});
  CHECK(p.depth_capped > 0);
  const Document d = ParseHtml(p.html);
  REQUIRE(!d.blocks.empty());
  CHECK(d.blocks.back().text == "after");
}

TEST_CASE("prescan: 1,000,000 sibling <p> are not nesting") {
  const std::string page = Repeat("<p>x</p>", 1000000) + "<p>after</p>";
  const PreScanned p = PreScan(page, {});
  CHECK(p.depth_capped == 0);
  CHECK(p.html == page);
  // The output is the input, so parsing it costs what parsing the page costs:
  // Gumbo takes seconds for a million elements. A tenth of them shows the
  // text after the run survives.
  const Document d = ParseHtml(PreScan(Repeat("<p>x</p>", 100000) + "<p>after</p>", {}).html);
  CHECK(d.blocks.size() == 100001);
  CHECK(d.blocks.back().text == "after");
}

TEST_CASE("prescan: a 10 MB attribute value costs nothing later") {
  const std::string page = "<div class=\"" + std::string(10 << 20, 'a') + "\"><p>before</p></div><p>after</p>";
  const PreScanned p = PreScan(page, {});
  CHECK(p.html == "<div class=\"\"><p>before</p></div><p>after</p>");
  const Document d = ParseHtml(p.html);
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.blocks[1].text == "after");
}

TEST_CASE("prescan: misnested links without their href build the same elements") {
  // Links left open, re-opened across paragraphs and table cells, alike and
  // not: the parser re-creates them from its list of active formatting
  // elements, which never holds two <a> to compare.
  const std::string page =
      "<body><p><a href=/1 class=x>one<p>two<a href=/2 class=x>three<b><a href=/1 class=x>four</b>"
      "<table><tr><td><a href=/3>five<a href=/3>six<a href=/4>seven</td></tr></table>"
      "eight</a><i><a href=/5>nine<p>ten</i>eleven<div><a href=/5>twelve</div></body>";
  const Document a = ParseHtml(page);
  const Document b = ParseHtml(Scan(page));
  REQUIRE(Scan(page).find("href") == std::string::npos);
  REQUIRE(a.elements.size() == b.elements.size());
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    CHECK(a.elements[i].tag == b.elements[i].tag);
    CHECK(a.elements[i].parent == b.elements[i].parent);
    CHECK(a.elements[i].classid == b.elements[i].classid);
  }
  CheckSameBlocks(page);
}

TEST_CASE("prescan: formatting elements left open are bounded too") {
  // Each unclosed <b> is re-created in every later paragraph by the parser.
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "<p><b id=b" + std::to_string(i) + ">x</p>";
  page += "<p>after</p>";
  const PreScanned p = PreScan(page, {});
  CHECK(p.depth_capped > 0);
  const Document d = ParseHtml(p.html);
  CHECK(d.blocks.size() == 2001);
  CHECK(d.blocks.back().text == "after");
}

}  // namespace pith
