#include "features/features.h"

#include <doctest/doctest.h>

#include "document/html.h"
#include "document/text.h"

namespace pith {

TEST_CASE("features: counts, punctuation, stopwords and repetition") {
  const Document d = ParseText(
      "The cat sat on the mat, and then it slept. It was warm.\n"
      "BREAKING NEWS 2024\n"
      "BREAKING NEWS 2024\n");
  const auto f = ComputeFeatures(d, Stoplists::Default(), "en");
  REQUIRE(f.size() == 3);
  CHECK(f[0].words == 13);
  CHECK(f[0].sentences == 2);
  CHECK(f[0].commas == 1);
  CHECK(f[0].terminal);
  CHECK(f[0].stopword_ratio > 0.4);
  CHECK_FALSE(f[1].terminal);
  CHECK(f[1].cap_ratio == doctest::Approx(1.0));
  CHECK(f[1].digit_ratio > 0.2);
  CHECK(f[1].repeats == 1);
  CHECK(f[1].title_case == doctest::Approx(1.0));
}

TEST_CASE("features: a block is read with the stoplist that fits it, whatever the page's language") {
  const Document d = ParseText(
      "Es ist schon einige Zeit her, dass wir mit den Kindern an der See waren, und nun sind wir wieder da.\n"
      "Warning: undefined constant in the comments plugin on line 928 of the file.\n");
  const auto german_page = ComputeFeatures(d, Stoplists::Default(), "de");
  const auto english_page = ComputeFeatures(d, Stoplists::Default(), "en");
  REQUIRE(german_page.size() == 2);
  CHECK(german_page[0].stopword_ratio > 0.4);
  CHECK(english_page[0].stopword_ratio == doctest::Approx(german_page[0].stopword_ratio));
  CHECK(german_page[1].stopword_ratio == doctest::Approx(english_page[1].stopword_ratio));
  CHECK(english_page[1].stopword_ratio > 0.25);
  // Without a page language no stopwords are counted.
  CHECK(ComputeFeatures(d, Stoplists::Default(), "")[0].stopword_ratio == 0);
}

TEST_CASE("features: CJK text is tokenised per character and ends with a full stop") {
  const Document d = ParseText("我们今天去了公园。天气很好。");
  const auto f = ComputeFeatures(d, Stoplists::Default(), "zh");
  CHECK(f[0].cjk);
  CHECK(f[0].sentences == 2);
  CHECK(f[0].terminal);
  CHECK(f[0].stopword_ratio > 0);
}

TEST_CASE("stoplists: the language is detected from the text") {
  const auto& s = Stoplists::Default();
  CHECK(s.Detect(ParseText("Der Hund und die Katze sind in dem Haus, weil es regnet und sie nicht nass werden wollen.")) ==
        "de");
  CHECK(s.Detect(ParseText("The dog and the cat are in the house because it is raining and they do not want to get wet.")) ==
        "en");
  CHECK(s.Detect(ParseText("Le chien et le chat sont dans la maison parce qu'il pleut et qu'ils ne veulent pas.")) == "fr");
  CHECK(s.Detect(ParseText("東京では今日、新しい駅が開業しました。多くの人が集まりました。")) == "ja");
}

TEST_CASE("stoplists: link lists in another language do not decide the page's language") {
  std::string html =
      "<body><p>Władze miasta podpisały w czwartek umowę na budowę nowej linii tramwajowej, która połączy "
      "osiedle z centrum. Prace mają się rozpocząć jesienią i potrwać około dwóch lat.</p><ul>";
  for (const char* h : {"Why more of the families are moving to the small towns", "Five ways to cut your heating bill this winter",
                        "The city council is looking for a new director of the museum", "What you need to know about the new rules"})
    html += std::string("<li><a href='/x'>") + h + "</a></li>";
  CHECK(Stoplists::Default().Detect(ParseHtml(html + "</ul></body>")) == "pl");
}

TEST_CASE("stoplists: one lookup names every language whose list holds a token") {
  Stoplists s;
  s.Add("en", "# English\nthe\nand\n");
  s.Add("fr", "et\nthe\n");
  const LanguageSet en = s.Bit("en"), fr = s.Bit("fr");
  CHECK(en != 0);
  CHECK(fr != 0);
  CHECK(en != fr);
  CHECK(s.Bit("de") == 0);
  CHECK(s.Languages("the") == (en | fr));
  CHECK(s.Languages("and") == en);
  CHECK(s.Languages("et") == fr);
  CHECK(s.Languages("# English") == 0);
  CHECK(s.Languages("cat") == 0);
}

TEST_CASE("tokens: lower-cased words, apostrophes inside words, one token per CJK character") {
  std::vector<std::string> seen;
  ForEachToken("It\u2019s DÉJÀ vu, 2024!東京", [&](std::string_view t) {
    seen.emplace_back(t);
    return true;
  });
  CHECK(seen == std::vector<std::string>{"it's", "déjà", "vu", "2024", "東", "京"});
  CHECK(Tokenize("It\u2019s DÉJÀ vu, 2024!東京") == seen);
}

}  // namespace pith
