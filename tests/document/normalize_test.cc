#include "document/normalize.h"

#include <doctest/doctest.h>

#include "document/html.h"
#include "pipeline.h"

namespace pith {

TEST_CASE("normalize: text comes out in Unicode normalization form C") {
  auto nfc = [](std::string s) {
    NormalizeNfc(&s);
    return s;
  };
  // "e" + combining acute accent composes; a precomposed Bengali letter that
  // NFC excludes from composition decomposes; NFC text is left as it was.
  CHECK(nfc("Cafe\xCC\x81 au lait") == "Caf\xC3\xA9 au lait");
  CHECK(nfc("\xE0\xA7\x9F") == "\xE0\xA6\xAF\xE0\xA6\xBC");
  CHECK(nfc("D\xC3\xA9j\xC3\xA0 vu \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC") ==
        "D\xC3\xA9j\xC3\xA0 vu \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC");
  CHECK(nfc("") == "");
}

TEST_CASE("normalize: blocks and metadata of a cleaned page are NFC, in HTML and in text") {
  const std::string decomposed = "Cafe\xCC\x81";
  const std::string composed = "Caf\xC3\xA9";
  const Result html = Clean("<html><head><title>" + decomposed + " guide</title></head><body><p>The " + decomposed +
                                " on the corner opened again on Monday after the floods, the owner said.</p></body></html>",
                            {}, Ruleset::Default());
  REQUIRE(html.status.ok());
  CHECK(html.doc.meta.title == composed + " guide");
  CHECK(html.doc.blocks.back().text.find(composed) != std::string::npos);
  CleanOptions text_mode;
  text_mode.input = InputMode::kText;
  const Result text = Clean("The " + decomposed + " on the corner opened again on Monday.\n", text_mode, Ruleset::Default());
  REQUIRE(text.status.ok());
  CHECK(text.doc.blocks[0].text.find(composed) != std::string::npos);
  CHECK(text.doc.blocks[0].text.find(decomposed) == std::string::npos);
}

}  // namespace pith
