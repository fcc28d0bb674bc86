// One test per kind of mistake in a rules file: each is refused at load time
// with "file:line: what is wrong", the line, a caret under the spot, and a
// hint (the valid choices, the closest name, or the syntax limits). The
// first kinds are pinned in ruleset_test.cc ("errors name file and line").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "ruleset/ruleset.h"

namespace pith {
namespace {

std::string LoadError(const std::string& content) {
  Ruleset r;
  const Status s = r.AddFile("rules/site.rules", content);
  CHECK(r.rules().empty());  // nothing of a bad file is added
  return s.message();
}

}  // namespace

TEST_CASE("rules errors: unknown key without a close match lists the keys") {
  CHECK(LoadError("# comment\nr target=text action=drop colour=red pattern=x\n") ==
        "rules/site.rules:2: unknown key 'colour'; keys are target, action, weight, maxchars, pattern\n"
        "    r target=text action=drop colour=red pattern=x\n"
        "                              ^");
}

TEST_CASE("rules errors: a misspelt action gets a did-you-mean") {
  CHECK(LoadError("r target=text action=penalise pattern=x") ==
        "rules/site.rules:1: unknown action 'penalise' (did you mean 'penalize'?); actions are boost, penalize, drop, "
        "keep, cut\n"
        "    r target=text action=penalise pattern=x\n"
        "                         ^");
}

TEST_CASE("rules errors: weight out of range, not a number, infinite") {
  for (const std::string w : {"150", "-1", "inf", "nan", "2,5", ""}) {
    CAPTURE(w);
    CHECK(LoadError("r target=text action=drop weight=" + w + " pattern=x") ==
          "rules/site.rules:1: weight must be a number from 0 to 100, found '" + w + "'\n"
          "    r target=text action=drop weight=" + w + " pattern=x\n"
          "                                     ^");
  }
}

TEST_CASE("rules errors: maxchars too large to hold") {
  CHECK(LoadError("r target=text action=drop maxchars=99999999999 pattern=x") ==
        "rules/site.rules:1: maxchars must be a whole number of characters above 0, found '99999999999'\n"
        "    r target=text action=drop maxchars=99999999999 pattern=x\n"
        "                                       ^");
}

TEST_CASE("rules errors: an empty pattern") {
  CHECK(LoadError("r target=text action=drop pattern=") ==
        "rules/site.rules:1: empty pattern\n"
        "    r target=text action=drop pattern=\n"
        "                                      ^");
}

TEST_CASE("rules errors: a missing target or action") {
  CHECK(LoadError("r action=drop pattern=x") ==
        "rules/site.rules:1: missing target=\n"
        "    r action=drop pattern=x\n"
        "                           ^");
  CHECK(LoadError("r target=text pattern=x") ==
        "rules/site.rules:1: missing action=\n"
        "    r target=text pattern=x\n"
        "                           ^");
}

TEST_CASE("rules errors: a name with capitals or other characters") {
  CHECK(LoadError("Big-Rule target=text action=drop pattern=x") ==
        "rules/site.rules:1: invalid rule name 'Big-Rule' (use lower-case letters, digits, '-' and '_')\n"
        "    Big-Rule target=text action=drop pattern=x\n"
        "    ^");
}

TEST_CASE("rules errors: a backreference is outside RE2's syntax") {
  CHECK(LoadError("r target=text action=drop pattern=(a)\\1") ==
        "rules/site.rules:1: bad pattern: invalid escape sequence: \\1 (RE2 syntax: no lookaround, no "
        "backreferences)\n"
        "    r target=text action=drop pattern=(a)\\1\n"
        "                                      ^");
}

TEST_CASE("rules errors: a pattern that is not UTF-8") {
  CHECK(LoadError("r target=text action=drop pattern=caf\xE9") ==
        "rules/site.rules:1: bad pattern: invalid UTF-8 (RE2 syntax: no lookaround, no backreferences)\n"
        "    r target=text action=drop pattern=caf\xE9\n"
        "                                      ^");
}

TEST_CASE("rules errors: a repetition count over RE2's limit") {
  CHECK(LoadError("r target=text action=drop pattern=(?:a{1000}){1000}") ==
        "rules/site.rules:1: bad pattern: invalid repetition size: {1000} (RE2 syntax: no lookaround, no "
        "backreferences)\n"
        "    r target=text action=drop pattern=(?:a{1000}){1000}\n"
        "                                      ^");
}

TEST_CASE("rules errors: the caret lines up under tab-separated fields; CRLF line ends are fine") {
  CHECK(LoadError("ok target=text action=drop pattern=x\r\nr\ttarget=text\taction=drop\tpattern=x)\r\n") ==
        "rules/site.rules:2: bad pattern: unexpected ): x) (RE2 syntax: no lookaround, no backreferences)\n"
        "    r\ttarget=text\taction=drop\tpattern=x)\n"
        "     \t           \t           \t        ^");
}

TEST_CASE("rules errors: a rule name used in an earlier file names that file and line") {
  Ruleset r;
  REQUIRE(r.AddFile("rules/a.rules", "\nr target=text action=drop pattern=x\n").ok());
  CHECK(r.AddFile("rules/b.rules", "r target=line action=keep pattern=y\n").message() ==
        "rules/b.rules:1: rule 'r' already defined at rules/a.rules:2\n"
        "    r target=line action=keep pattern=y\n"
        "    ^");
}

TEST_CASE("rules errors: unreadable files and directories") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "pith-rules-errors";
  fs::remove_all(dir);
  fs::create_directories(dir / "empty");
  std::ofstream(dir / "note.txt") << "not rules\n";
  Ruleset r;
  CHECK(r.AddPath((dir / "missing.rules").string()).message() == (dir / "missing.rules").string() +
                                                                      ": cannot read rules file");
  CHECK(r.AddDirectory((dir / "empty").string()).message() == (dir / "empty").string() +
                                                                  ": no *.rules files in this directory");
  CHECK(r.AddDirectory((dir / "none").string()).message() == (dir / "none").string() +
                                                                 ": cannot read rules directory (No such file or "
                                                                 "directory)");
  CHECK(r.AddDirectory((dir / "note.txt").string()).message() == (dir / "note.txt").string() +
                                                                     ": cannot read rules directory (Not a directory)");
  fs::remove_all(dir);
}

}  // namespace pith
