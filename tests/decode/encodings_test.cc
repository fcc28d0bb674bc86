// The encoding matrix: short articles written for these tests, encoded here
// (iconv, from the UTF-8 strings below) into the charsets scraped pages come
// in, with and without a <meta charset>, run through the whole cleaning path.
// The exact UTF-8 text must come out, and the output must be valid UTF-8.
#include <iconv.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "output/render.h"
#include "pipeline.h"

namespace pith {
namespace {

// The built-in rules, compiled once for the whole file (compiling them
// is the slowest step of a small test, under the sanitizers most of all).
const Ruleset& DefaultRules() {
  static const Ruleset rules = Ruleset::Default();
  return rules;
}

struct Article {
  const char* language;
  std::vector<std::string> paragraphs;
};

const Article kFrench = {"fr",
                         {"Le conseil municipal a approuvé mardi soir le projet de nouvelles pistes cyclables le long "
                          "du quai. Les travaux commenceront au printemps et dureront environ six mois, selon "
                          "l’adjointe chargée des déplacements.",
                          "Les commerçants du quartier craignent une baisse de fréquentation pendant le chantier, mais "
                          "la mairie promet de garder les accès piétons. « Nous avons écouté tout le monde », a "
                          "déclaré la maire.",
                          "Le budget atteint 4,2 millions €, financés pour moitié par la région. Une réunion publique "
                          "aura lieu le 12 mars à la salle des fêtes."}};

const Article kGerman = {"de",
                         {"Der Stadtrat hat am Dienstag den Bau neuer Radwege entlang des Flusses beschlossen. Die "
                          "Arbeiten beginnen im Frühjahr und dauern etwa ein halbes Jahr.",
                          "Die Geschäftsleute im Viertel fürchten weniger Kundschaft während der Bauzeit, doch die "
                          "Stadt verspricht, die Fußwege offen zu halten. Die Kosten liegen bei über vier Millionen "
                          "Euro.",
                          "Eine Bürgerversammlung findet am zwölften März in der Stadthalle statt, wo die Pläne "
                          "ausgestellt werden."}};

const Article kPolish = {"pl",
                         {"Rada miasta zatwierdziła we wtorek plan budowy nowych ścieżek rowerowych wzdłuż rzeki. "
                          "Prace rozpoczną się wiosną i potrwają około pół roku.",
                          "Właściciele sklepów obawiają się spadku liczby klientów, ale urzędnicy obiecują, że "
                          "przejścia dla pieszych pozostaną otwarte. Koszt inwestycji wyniesie ponad cztery miliony "
                          "złotych.",
                          "Spotkanie z mieszkańcami odbędzie się dwunastego marca w ratuszu, gdzie będzie można "
                          "obejrzeć źródłowe projekty i zgłosić uwagi."}};

const Article kRussian = {"ru",
                          {"Городской совет во вторник одобрил строительство новых велосипедных дорожек вдоль "
                           "набережной. Работы начнутся весной и продлятся около полугода.",
                           "Владельцы магазинов опасаются, что покупателей станет меньше, но в мэрии обещают "
                           "сохранить проходы для пешеходов. Стоимость проекта превысит четыре миллиона рублей.",
                           "Встреча с жителями пройдёт двенадцатого марта в здании администрации, где покажут "
                           "чертежи и ответят на вопросы."}};

const Article kJapanese = {"ja",
                           {"市議会は火曜日、川沿いに新しい自転車道を整備する計画を承認した。工事は春に始まり、およそ半年"
                            "続く見込みだ。",
                            "地元の商店主らは工事中に客足が遠のくことを心配しているが、市は歩行者の通路を確保すると約束し"
                            "た。総事業費は四億円を超える。",
                            "住民向けの説明会は三月十二日に市役所で開かれ、図面が公開される予定である。"}};

const Article kKorean = {"ko",
                         {"시의회는 화요일 강변을 따라 새 자전거 도로를 만드는 계획을 승인했다. 공사는 봄에 시작되어 "
                          "약 반년 동안 계속될 예정이다.",
                          "지역 상인들은 공사 기간에 손님이 줄어들까 걱정하고 있지만, 시는 보행자 통로를 유지하겠다고 "
                          "약속했다. 총 사업비는 사십억 원을 넘는다.",
                          "주민 설명회는 삼월 십이일 시청에서 열리며, 그 자리에서 설계 도면이 공개될 예정이다."}};

const Article kChinese = {"zh",
                          {"市议会周二批准了沿河修建新自行车道的计划。工程将于春季开工，预计持续约半年。",
                           "当地商户担心施工期间顾客减少，但市政府承诺保留行人通道。项目总投资超过四千万元。",
                           "居民说明会将于三月十二日在市政厅举行，届时将公开设计图纸并听取意见。"}};

const Article kTraditionalChinese = {"zh",
                                     {"市議會週二批准了沿河興建新自行車道的計畫。工程將於春季動工，預計持續約半年。",
                                      "當地商戶擔心施工期間顧客減少，但市政府承諾保留行人通道。項目總投資超過四千萬元。",
                                      "居民說明會將於三月十二日在市政廳舉行，屆時將公開設計圖紙並聽取意見。"}};

const Article kGreek = {"el",
                        {"Το δημοτικό συμβούλιο ενέκρινε την Τρίτη το σχέδιο για νέους ποδηλατόδρομους κατά μήκος "
                         "του ποταμού. Οι εργασίες θα ξεκινήσουν την άνοιξη.",
                         "Οι καταστηματάρχες φοβούνται ότι θα έχουν λιγότερους πελάτες, όμως ο δήμος υπόσχεται ότι "
                         "οι πεζόδρομοι θα μείνουν ανοιχτοί. Το κόστος ξεπερνά τα τέσσερα εκατομμύρια ευρώ.",
                         "Η συνάντηση με τους κατοίκους θα γίνει στις δώδεκα Μαρτίου στο δημαρχείο."}};

// The page as UTF-8: a head (with a meta charset when `meta` is not empty),
// a navigation list, the article, a footer.
std::string Page(const Article& a, const std::string& meta) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"" + std::string(a.language) + "\"><head>";
  if (!meta.empty()) page += "<meta charset=\"" + meta + "\">";
  const std::string& first = a.paragraphs[0];
  page += "<title>" + first.substr(0, std::min(first.find('.'), first.find("。"))) + "</title></head>\n<body>\n";
  page += "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\n<article>\n";
  for (const std::string& p : a.paragraphs) page += "<p>" + p + "</p>\n";
  page += "</article>\n<footer><a href=\"/about\">About</a></footer>\n</body></html>\n";
  return page;
}

std::string Expected(const Article& a) {
  std::string text;
  for (const std::string& p : a.paragraphs) text += p + "\n";
  return text;
}

// UTF-8 -> charset with iconv; every character must be representable.
std::string Encode(const std::string& utf8, const std::string& charset) {
  iconv_t cd = iconv_open(charset.c_str(), "UTF-8");
  REQUIRE_MESSAGE(cd != reinterpret_cast<iconv_t>(-1), "iconv does not know " << charset);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t o_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  REQUIRE_MESSAGE(r != static_cast<std::size_t>(-1), "not representable in " << charset);
  out.resize(out.size() - o_left);
  return out;
}

struct Cleaned {
  std::string text;
  std::string charset;
  std::string reason;
};

Cleaned CleanBytes(const std::string& bytes) {
  const Result r = Clean(bytes, {}, DefaultRules());
  REQUIRE_MESSAGE(r.status.ok(), r.status.message());
  Cleaned c{Render(r, Format::kText, DefaultRules(), "page.html"), r.charset, r.charset_reason};
  CHECK(IsValidUtf8(c.text));
  return c;
}

struct Case {
  const char* charset;  // iconv name to encode with
  const char* meta;     // the label a page would declare
  const Article* article;
};

const Case kCases[] = {
    {"UTF-8", "utf-8", &kGerman},
    {"WINDOWS-1252", "windows-1252", &kFrench},
    {"ISO-8859-2", "iso-8859-2", &kPolish},
    {"KOI8-R", "koi8-r", &kRussian},
    {"SHIFT_JIS", "shift_jis", &kJapanese},
    {"EUC-JP", "euc-jp", &kJapanese},
    {"EUC-KR", "euc-kr", &kKorean},
    {"GB18030", "gb18030", &kChinese},
    {"BIG5", "big5", &kTraditionalChinese},
};

}  // namespace

TEST_CASE("encodings: each charset with <meta charset> gives the exact text") {
  for (const Case& c : kCases) {
    CAPTURE(c.charset);
    const Cleaned out = CleanBytes(Encode(Page(*c.article, c.meta), c.charset));
    CHECK(out.text == Expected(*c.article));
    CHECK(out.reason == "meta");
  }
}

TEST_CASE("encodings: each charset without a declaration is detected and gives the exact text") {
  for (const Case& c : kCases) {
    CAPTURE(c.charset);
    const Cleaned out = CleanBytes(Encode(Page(*c.article, ""), c.charset));
    CHECK(out.text == Expected(*c.article));
  }
}

TEST_CASE("encodings: UTF-16 with a byte-order mark, little and big endian, with and without meta") {
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    for (const char* meta : {"", "utf-16"}) {
      CAPTURE(charset);
      CAPTURE(meta);
      const std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
      const Cleaned out = CleanBytes(bom + Encode(Page(kGreek, meta), charset));
      CHECK(out.text == Expected(kGreek));
      CHECK(out.charset == charset);
      CHECK(out.reason == "bom");
    }
  }
}

TEST_CASE("encodings: a meta charset that lies is overruled by the bytes") {
  SUBCASE("declares windows-1252, saved as UTF-8") {
    const Cleaned out = CleanBytes(Page(kRussian, "windows-1252"));
    CHECK(out.text == Expected(kRussian));
    CHECK(out.charset == "UTF-8");
  }
  SUBCASE("declares UTF-8, saved as windows-1252") {
    const Cleaned out = CleanBytes(Encode(Page(kFrench, "utf-8"), "WINDOWS-1252"));
    CHECK(out.text == Expected(kFrench));
    CHECK(out.charset == "WINDOWS-1252");
  }
  SUBCASE("declares EUC-JP, saved as Shift_JIS") {
    const Cleaned out = CleanBytes(Encode(Page(kJapanese, "euc-jp"), "SHIFT_JIS"));
    CHECK(out.text == Expected(kJapanese));
    CHECK(out.charset == "SHIFT_JIS");
    CHECK(out.reason == "detected (meta charset contradicted by the bytes)");
  }
}

TEST_CASE("encodings: the HTTP charset (WARC) comes before the page's meta, after a BOM") {
  for (const Case& c : kCases) {
    CAPTURE(c.charset);
    CleanOptions options;
    options.decode.http_charset = c.meta;
    // The page's own declaration is wrong; the server's is right.
    const std::string wrong_meta = std::string(c.charset) == "KOI8-R" ? "iso-8859-5" : "koi8-r";
    const Result r = Clean(Encode(Page(*c.article, wrong_meta), c.charset), options, DefaultRules());
    REQUIRE(r.status.ok());
    CHECK(Render(r, Format::kText, DefaultRules(), "p") == Expected(*c.article));
  }
  CleanOptions options;
  options.decode.http_charset = "x-no-such-charset";
  Result r = Clean(Encode(Page(kRussian, "koi8-r"), "KOI8-R"), options, DefaultRules());
  REQUIRE(r.status.ok());
  CHECK(Render(r, Format::kText, DefaultRules(), "p") == Expected(kRussian));
  CHECK(r.charset_reason == "meta");
  options.decode.http_charset = "koi8-r";
  r = Clean("\xFF\xFE" + Encode(Page(kGreek, ""), "UTF-16LE"), options, DefaultRules());
  REQUIRE(r.status.ok());
  CHECK(Render(r, Format::kText, DefaultRules(), "p") == Expected(kGreek));
  CHECK(r.charset_reason == "bom");
}

TEST_CASE("encodings: --encoding overrides both the declaration and detection") {
  CleanOptions options;
  options.decode.encoding = "koi8-r";
  const Result r = Clean(Encode(Page(kRussian, "windows-1252"), "KOI8-R"), options, DefaultRules());
  REQUIRE(r.status.ok());
  CHECK(Render(r, Format::kText, DefaultRules(), "p") == Expected(kRussian));
  CHECK(r.charset_reason == "forced");
}

TEST_CASE("encodings: broken bytes in a UTF-8 page become U+FFFD, the rest is kept") {
  std::string page = Page(kGerman, "utf-8");
  const std::size_t at = page.find("Frühjahr");
  page.replace(at + 2, 2, "\xC3\x28");  // "ü" with a broken second byte
  const Cleaned out = CleanBytes(page);
  std::string expected = Expected(kGerman);
  expected.replace(expected.find("Frühjahr") + 2, 2, "\xEF\xBF\xBD(");
  CHECK(out.text == expected);
  CHECK(out.charset == "UTF-8");
}

}  // namespace pith
