#include "document/text.h"

#include <doctest/doctest.h>

#include "document/sniff.h"

namespace pith {

TEST_CASE("text: one block per non-blank line, bullets are list items") {
  const Document d = ParseText("First  line\n\n   \n- second\r\nthird");
  REQUIRE(d.blocks.size() == 3);
  CHECK(d.blocks[0].text == "First line");
  CHECK(d.blocks[0].line == 1);
  CHECK(d.blocks[1].kind == BlockKind::kListItem);
  CHECK(d.blocks[2].text == "third");
  CHECK(d.blocks[2].line == 5);
}

TEST_CASE("sniff: markup is html, prose is text") {
  CHECK(SniffInputKind("  <!DOCTYPE html><html>").kind == InputKind::kHtml);
  CHECK(SniffInputKind("<div><p>Hello</p></div>").kind == InputKind::kHtml);
  CHECK(SniffInputKind("Prices rose 3% <in March> says the office.").kind == InputKind::kText);
  CHECK(SniffInputKind("Just a line of text.\nAnother one.").kind == InputKind::kText);
}

}  // namespace pith
