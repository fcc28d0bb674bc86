// Golden tests: every corpora/golden/<name>.expect lists strings that must
// ("+ ") and must not ("- ") appear in pith's text output for <name>.html or
// <name>.txt. Also the two seed pages of ../shared/seeds when present.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/render.h"
#include "pipeline.h"

namespace pith {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

// The built-in rules, compiled once for the whole file (compiling them
// is the slowest step of a small test, under the sanitizers most of all).
const Ruleset& DefaultRules() {
  static const Ruleset rules = Ruleset::Default();
  return rules;
}

std::string CleanFile(const fs::path& p, Format format = Format::kText) {
  const Result r = Clean(ReadFile(p), {}, DefaultRules());
  REQUIRE(r.status.ok());
  return Render(r, format, DefaultRules(), p.string());
}

// The seed page whose name starts with `prefix`, empty when ../shared is absent.
fs::path FindSeed(const std::string& prefix) {
  const fs::path dir = fs::path(PITH_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::is_directory(dir)) return {};
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  return {};
}

}  // namespace

TEST_CASE("golden: corpora/golden pages give their expected text") {
  const fs::path dir = fs::path(PITH_SOURCE_DIR) / "corpora" / "golden";
  REQUIRE(fs::is_directory(dir));
  std::vector<fs::path> expects;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".expect") expects.push_back(e.path());
  std::sort(expects.begin(), expects.end());
  REQUIRE(expects.size() >= 10);
  for (const fs::path& expect : expects) {
    fs::path page = expect;
    page.replace_extension(".html");
    if (!fs::exists(page)) page.replace_extension(".txt");
    REQUIRE_MESSAGE(fs::exists(page), "no page for " << expect);
    const std::string out = CleanFile(page);
    int assertions = 0;
    for (const std::string& line : Lines(ReadFile(expect))) {
      if (line.size() < 3 || line[0] == '#') continue;
      const std::string want = line.substr(2);
      if (line.rfind("+ ", 0) == 0) {
        ++assertions;
        CHECK_MESSAGE(out.find(want) != std::string::npos, page.filename().string() << ": missing \"" << want << "\"");
      } else if (line.rfind("- ", 0) == 0) {
        ++assertions;
        CHECK_MESSAGE(out.find(want) == std::string::npos, page.filename().string() << ": leaked \"" << want << "\"");
      }
    }
    CHECK_MESSAGE(assertions > 0, expect.filename().string() << " asserts nothing");
  }
}

// The seeds are not part of the repository; the tests use them when the
// shared folder sits beside the checkout.
TEST_CASE("golden: seed 000 keeps the article and drops the prompts after it") {
  const fs::path seed = FindSeed("000_");
  if (seed.empty()) {
    MESSAGE("skipped: ../shared/seeds/000_* not present");
    return;
  }
  const std::vector<std::string> input = Lines(ReadFile(seed));
  const std::vector<std::string> output = Lines(CleanFile(seed));
  // The article ends at the first line ending in "artillery."; all after it are prompts.
  std::size_t end = 0;
  while (end < input.size() && input[end].find("artillery.") == std::string::npos) ++end;
  REQUIRE(end < input.size());
  REQUIRE(end + 1 < input.size());
  CHECK(output == std::vector<std::string>(input.begin(), input.begin() + static_cast<long>(end) + 1));
}

TEST_CASE("golden: seed 002 keeps the article, repairs its first sentence, drops the junk") {
  const fs::path seed = FindSeed("002_");
  if (seed.empty()) {
    MESSAGE("skipped: ../shared/seeds/002_* not present");
    return;
  }
  const std::vector<std::string> input = Lines(ReadFile(seed));
  const std::string out = CleanFile(seed);
  const std::vector<std::string> output = Lines(out);
  // Article: from the dateline paragraph through the one ending "for the war.".
  std::size_t first = 0, last = 0;
  while (first < input.size() && input[first].rfind("WASHINGTON (AP)", 0) != 0) ++first;
  last = first;
  while (last < input.size() && input[last].find("for the war.") == std::string::npos) ++last;
  REQUIRE(last < input.size());
  REQUIRE(output.size() == last - first + 1);
  CHECK(output[0].rfind("WASHINGTON (AP) — The White House voiced concern Tuesday", 0) == 0);
  for (std::size_t i = first + 1; i <= last; ++i) CHECK(output[i - first] == input[i]);
  // The brand is the title line's prefix before ':'; the site name the
  // header line's suffix after " -".
  const std::string brand = input[1].substr(0, input[1].find(':'));
  const std::string site = input[0].substr(input[0].rfind(" -") + 2);
  CHECK(out.find(brand) == std::string::npos);
  CHECK(out.find(site) == std::string::npos);
  // json: the title without the injected prefix or site suffix.
  const std::string json = CleanFile(seed, Format::kJson);
  const std::string title = input[1].substr(input[1].find(':') + 1);
  CHECK(json.find("\"title\":\"" + title + "\"") != std::string::npos);
}

}  // namespace pith
