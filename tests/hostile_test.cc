// Hostile and broken input through the whole cleaning path. Every input is
// generated here; none is committed. Each gets the right text or a specific
// error, and the output is always valid UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "decode/decode.h"
#include "output/render.h"
#include "pipeline.h"

namespace pith {
namespace {

const std::string kFirst =
    "The council approved the new cycle lanes on Tuesday after a long debate, and work will start in the spring.";
const std::string kSecond =
    "Shop owners fear fewer customers during the works, but the city promises that the pavements will stay open.";

// The built-in rules, compiled once for the whole file (compiling them
// is the slowest step of a small test, under the sanitizers most of all).
const Ruleset& DefaultRules() {
  static const Ruleset rules = Ruleset::Default();
  return rules;
}

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

Result CleanAs(const std::string& bytes, InputMode mode = InputMode::kAuto) {
  CleanOptions options;
  options.input = mode;
  options.timeout_seconds = 0;  // the outcome must not depend on the machine's speed
  return Clean(bytes, options, DefaultRules());
}

// The text output; the document must have been cleaned.
std::string Text(const std::string& bytes, InputMode mode = InputMode::kAuto) {
  const Result r = CleanAs(bytes, mode);
  REQUIRE_MESSAGE(r.status.ok(), r.status.message());
  const std::string text = Render(r, Format::kText, DefaultRules(), "page.html");
  CHECK(IsValidUtf8(text));
  return text;
}

std::string Error(const std::string& bytes, InputMode mode = InputMode::kAuto) {
  const Result r = CleanAs(bytes, mode);
  REQUIRE_FALSE(r.status.ok());
  return r.status.message();
}

const std::string kArticle = "<article><p>" + kFirst + "</p><p>" + kSecond + "</p></article>";
const std::string kExpected = kFirst + "\n" + kSecond + "\n";

}  // namespace

TEST_CASE("hostile: empty and white-space-only input are errors that say so") {
  for (const InputMode mode : {InputMode::kAuto, InputMode::kHtml, InputMode::kText}) {
    CHECK(Error("", mode) == "empty input: nothing to clean");
    CHECK(Error(" \n\t\r\n  ", mode) == "only white space: nothing to clean (7 bytes)");
    CHECK(Error("\xEF\xBB\xBF \xC2\xA0\xE3\x80\x80\n", mode) == "only white space: nothing to clean (10 bytes)");
  }
  CHECK(Error(std::string("\xFF\xFE \0\n\0", 6)) == "only white space: nothing to clean (6 bytes)");
}

TEST_CASE("hostile: markup without text gives empty output, not an error") {
  CHECK(Text("<html><head><title></title></head><body><div><img src=x></div></body></html>") == "");
}

TEST_CASE("hostile: NUL bytes are removed, the text around them kept") {
  const std::string nul(1, '\0');
  const std::size_t at = kSecond.find("fewer");
  const std::string broken = kSecond.substr(0, at) + nul + nul + kSecond.substr(at);
  CHECK(Text("<html><body><article><p>" + kFirst + "</p><p>" + broken + "</p></article></body></html>") == kExpected);
  CHECK(Text(kFirst + "\n" + broken + "\n", InputMode::kText) == kExpected);
}

TEST_CASE("hostile: binary files are refused as not text or HTML") {
  CHECK(Error(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", 22)) == "not text or HTML (looks like PDF)");
  CHECK(Error(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)) == "not text or HTML (looks like PNG)");
  CHECK(Error(std::string("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10)) == "not text or HTML (looks like gzip)");
  CHECK(Error(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0", 12)) == "not text or HTML (looks like ELF executable)");
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 32);
  CHECK(Error(noise) == "not text or HTML (looks like binary data)");
}

TEST_CASE("hostile: truncated HTML keeps what arrived") {
  const std::string page = "<html><head><title>Lanes</title></head><body><article><p>" + kFirst + "</p><p>" + kSecond;
  CHECK(Text(page) == kExpected);
  CHECK(Text(page.substr(0, page.size() - 6)) == kFirst + "\n" + kSecond.substr(0, kSecond.size() - 6) + "\n");
  // Cut inside a tag, an attribute and a comment.
  CHECK(Text("<html><body>" + kArticle + "<div class=\"foot") == kExpected);
  CHECK(Text("<html><body>" + kArticle + "<a href='") == kExpected);
  CHECK(Text("<html><body>" + kArticle + "<!-- a comment that never") == kExpected);
}

TEST_CASE("hostile: unclosed tags") {
  CHECK(Text("<div><p>" + kFirst + "<div><span><b>" + kSecond) == kExpected);
  CHECK(Text("<html><body><table><tr><td><p>" + kFirst + "<td><p>" + kSecond) == kExpected);
}

TEST_CASE("hostile: 1,000,000 nested elements; the article after them is kept") {
  CHECK(Text("<html><body>" + Repeat("<div>", 1000000) + kArticle) == kExpected);
  CHECK(Text("<html><body>" + Repeat("<span>", 1000000) + kArticle) == kExpected);
}

TEST_CASE("hostile: 20,000 nested lists; the article after them is kept") {
  CHECK(Text("<html><body>" + Repeat("<ul><li>", 20000) + Repeat("</li></ul>", 20000) + kArticle) == kExpected);
}

TEST_CASE("hostile: 5,000 nested tables; the article after them is kept") {
  CHECK(Text("<html><body>" + Repeat("<table><tr><td>", 5000) + Repeat("</td></tr></table>", 5000) + kArticle) ==
        kExpected);
}

TEST_CASE("hostile: 1,000,000 sibling elements") {
  const std::string text = Text("<html><body>" + Repeat("<span></span>", 1000000) + kArticle);
  CHECK(text == kExpected);
}

TEST_CASE("hostile: 10 MB attribute values are dropped, the text kept") {
  const std::string big(10 << 20, 'a');
  CHECK(Text("<html><body><div title=\"" + big + "\" class='" + big + "'>" + kArticle + "</div></body></html>") ==
        kExpected);
  // Unquoted, and never closed.
  CHECK(Text("<html><body>" + kArticle + "<div data-x=" + big) == kExpected);
}

TEST_CASE("hostile: a huge table") {
  const std::string row = "<tr>" + Repeat("<td>42</td>", 100) + "</tr>";
  const std::string text = Text("<html><body>" + kArticle + "<table>" + Repeat(row, 2000) + "</table></body></html>");
  CHECK(text.rfind(kExpected, 0) == 0);
}

TEST_CASE("hostile: a long single line of text, as HTML and as text") {
  const std::string line = Repeat(kFirst + " ", 20000);  // 2 MB, one paragraph
  std::string expected = line;
  expected.back() = '\n';
  CHECK(Text("<html><body><p>" + line + "</p></body></html>") == expected);
  CHECK(Text(line, InputMode::kText) == expected);
  // Cut short mid-sentence (as --max-bytes cuts): still the body, not a header line.
  const std::string cut = line.substr(0, line.size() - 40);
  CHECK(Text(cut, InputMode::kText) == cut + "\n");
}

TEST_CASE("hostile: every output format is valid UTF-8, even with odd tag names") {
  // Unknown elements named in windows-1252 bytes: their names are in the tag
  // paths --explain cuts to 60 bytes.
  std::string page = "<html><head><meta charset=\"windows-1252\"></head><body>";
  for (int i = 0; i < 12; ++i) page += "<ti\xE7\xE7\xE7\xE7tle>";
  page += kArticle + "</body></html>";
  const Result r = CleanAs(page);
  REQUIRE(r.status.ok());
  for (const Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kHtml})
    CHECK(IsValidUtf8(Render(r, f, DefaultRules(), "p")));
  CHECK(IsValidUtf8(RenderExplain(r, Format::kText, DefaultRules(), "p")));
  CHECK(IsValidUtf8(RenderExplain(r, Format::kJson, DefaultRules(), "p")));
}

}  // namespace pith
