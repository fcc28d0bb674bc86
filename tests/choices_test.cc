#include "choices.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace pith {

TEST_CASE("choices: every name the CLI documents parses; others are refused with the option's name") {
  InputMode mode = InputMode::kAuto;
  CHECK(ParseInputMode("text", &mode).ok());
  CHECK(mode == InputMode::kText);
  CHECK(ParseInputMode("xml", &mode).message() == "input must be auto, html or text, not 'xml'");
  CHECK(mode == InputMode::kText);

  Format format = Format::kText;
  CHECK(ParseFormat("md", &format).ok());
  CHECK(format == Format::kMarkdown);
  CHECK(ParseFormat("pdf", &format).message() == "format must be text, json, markdown or html, not 'pdf'");

  Favor favor = Favor::kBalanced;
  CHECK(ParseFavor("recall", &favor).ok());
  CHECK(favor == Favor::kRecall);
  CHECK(ParseFavor("fast", &favor).message() == "favor must be balanced, precision or recall, not 'fast'");
}

TEST_CASE("choices: LoadRules gives the built-in rules, adds files to them, or replaces them with a directory") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "pith_choices_test";
  std::filesystem::create_directories(dir / "own");
  std::ofstream(dir / "extra.rules") << "extra-rule target=text action=drop pattern=^Extra\n";
  std::ofstream(dir / "own" / "only.rules") << "only-rule target=text action=drop pattern=^Only\n";

  Ruleset builtin;
  REQUIRE(LoadRules({}, &builtin).ok());
  CHECK(builtin.rules().size() == Ruleset::Default().rules().size());

  Ruleset added;
  REQUIRE(LoadRules({"", {(dir / "extra.rules").string()}}, &added).ok());
  CHECK(added.rules().size() == builtin.rules().size() + 1);
  CHECK(added.rules().back().name == "extra-rule");
  CHECK(added.Match(Target::kText, "Extra text").size() == 1);

  Ruleset replaced;
  REQUIRE(LoadRules({(dir / "own").string(), {}}, &replaced).ok());
  REQUIRE(replaced.rules().size() == 1);
  CHECK(replaced.rules()[0].name == "only-rule");

  Ruleset missing;
  CHECK(LoadRules({"", {(dir / "none.rules").string()}}, &missing).message() ==
        (dir / "none.rules").string() + ": cannot read rules file");
  std::filesystem::remove_all(dir);
}

}  // namespace pith
