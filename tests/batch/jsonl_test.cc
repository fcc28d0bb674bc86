#include "batch/jsonl.h"

#include <doctest/doctest.h>

namespace pith::batch {
namespace {

const std::string kProse =
    "The council approved the new cycle lanes on Tuesday after a long debate, and work on the first section "
    "along the river will start in the spring, the mayor said.";

}  // namespace

TEST_CASE("jsonl: html moves out of the record, other fields stay in order") {
  const JsonlInput in = ParseJsonlLine(R"({"url":"https://e.org/","html":"<p>hi</p>","meta":{"n":[1,2.5,null]},"id":7})",
                                       false);
  CHECK(in.error.empty());
  CHECK_FALSE(in.is_text);
  CHECK(in.content == "<p>hi</p>");
  CHECK(in.fields.dump() == R"({"url":"https://e.org/","meta":{"n":[1,2.5,null]},"id":7})");
}

TEST_CASE("jsonl: --keep-input keeps html; a text-only record is text input") {
  const JsonlInput kept = ParseJsonlLine(R"({"id":"a","html":"<p>hi</p>"})", true);
  CHECK(kept.fields.contains("html"));
  CHECK(kept.content == "<p>hi</p>");
  const JsonlInput text = ParseJsonlLine(R"({"id":"b","text":"one\ntwo"})", false);
  CHECK(text.error.empty());
  CHECK(text.is_text);
  CHECK(text.content == "one\ntwo");
}

TEST_CASE("jsonl: bad lines say why") {
  CHECK(ParseJsonlLine("{\"id\":1,", false).error.rfind("invalid JSON: parse error at column 9: ", 0) == 0);
  CHECK(ParseJsonlLine("[1,2]", false).error == "a record must be a JSON object, not array");
  CHECK(ParseJsonlLine(R"({"id":1})", false).error == "no \"html\" or \"text\" field");
  CHECK(ParseJsonlLine(R"({"id":1,"html":5})", false).error == "\"html\" must be a string, not number");
}

TEST_CASE("jsonl: error records carry the naming fields, or the line") {
  CHECK(ErrorRecord(nlohmann::ordered_json::parse(R"({"x":1,"id":"a7","url":"u"})"), 3, "m") ==
        "{\"id\":\"a7\",\"url\":\"u\",\"error\":\"m\"}\n");
  CHECK(ErrorRecord(nullptr, 12, "bad") == "{\"id\":null,\"line\":12,\"error\":\"bad\"}\n");
}

TEST_CASE("jsonl: a cleaned record appends the result fields, replacing same-named ones") {
  JsonlInput in = ParseJsonlLine(R"({"id":1,"title":"from crawler","html":"<article><p>)" + kProse + R"(</p></article>"})",
                                 false);
  REQUIRE(in.error.empty());
  const Result r = Clean(in.content, {}, Ruleset::Default());
  const std::string line = CleanedRecord(std::move(in.fields), r, Ruleset::Default());
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const auto j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"id", "title", "text", "author", "date", "site_name", "language", "removed"});
  CHECK(j["text"] == kProse + "\n");
  CHECK(j["title"] == "");
  CHECK(j["language"] == "en");
}

}  // namespace pith::batch
