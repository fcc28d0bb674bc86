#include "ruleset/ruleset.h"

#include "embedded.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace pith {

namespace {
std::string LoadError(const std::string& content) {
  Ruleset r;
  return r.AddFile("rules/spam.rules", content).message();
}

// Whether the built-in rule `name` fires on `text` of the target.
bool Fires(const std::string& name, const std::string& text, Target target = Target::kText) {
  const Ruleset& r = Ruleset::Default();
  for (int i : r.Match(target, text))
    if (r.rules()[i].name == name) return true;
  return false;
}
}  // namespace

TEST_CASE("ruleset: a rule line parses into its fields, comment included") {
  Ruleset r;
  REQUIRE(r.AddFile("rules/prompts.rules",
                    "# Newsletter prompts.\nnews-signup target=text action=penalize weight=2.5 pattern=(?i)newsletter\n")
              .ok());
  REQUIRE(r.Compile().ok());
  REQUIRE(r.rules().size() == 1);
  const Rule& rule = r.rules()[0];
  CHECK(rule.name == "news-signup");
  CHECK(rule.family == "prompts");
  CHECK(rule.target == Target::kText);
  CHECK(rule.action == Action::kPenalize);
  CHECK(rule.weight == 2.5);
  CHECK(rule.comment == "Newsletter prompts.");
  CHECK(rule.line == 2);
  CHECK(r.Match(Target::kText, "Get our NEWSLETTER") == std::vector<int>{0});
  CHECK(r.Match(Target::kText, "nothing here").empty());
  CHECK(r.Match(Target::kClassId, "newsletter").empty());
}

TEST_CASE("ruleset: the pattern takes the rest of the line, spaces included") {
  Ruleset r;
  REQUIRE(r.AddFile("x.rules", "a target=text action=drop pattern=^read more$\n").ok());
  REQUIRE(r.Compile().ok());
  CHECK(r.Match(Target::kText, "read more").size() == 1);
}

TEST_CASE("ruleset: errors name file and line, show the line and a caret") {
  CHECK(LoadError("\n\nbad target=text action=penalize wieght=2 pattern=x\n") ==
        "rules/spam.rules:3: unknown key 'wieght' (did you mean 'weight'?); keys are target, action, weight, maxchars, pattern\n"
        "    bad target=text action=penalize wieght=2 pattern=x\n"
        "                                    ^");
  CHECK(LoadError("r target=txt action=drop pattern=x") ==
        "rules/spam.rules:1: unknown target 'txt' (did you mean 'text'?); targets are text, line, classid, tagpath, attr\n"
        "    r target=txt action=drop pattern=x\n"
        "             ^");
  CHECK(LoadError("r target=text action=remove pattern=x") ==
        "rules/spam.rules:1: unknown action 'remove'; actions are boost, penalize, drop, keep, cut\n"
        "    r target=text action=remove pattern=x\n"
        "                         ^");
  CHECK(LoadError("r target=text action=drop weight=heavy pattern=x") ==
        "rules/spam.rules:1: weight must be a number from 0 to 100, found 'heavy'\n"
        "    r target=text action=drop weight=heavy pattern=x\n"
        "                                     ^");
  CHECK(LoadError("r target=text action=drop pattern=(unclosed") ==
        "rules/spam.rules:1: bad pattern: missing ): (unclosed (RE2 syntax: no lookaround, no backreferences)\n"
        "    r target=text action=drop pattern=(unclosed\n"
        "                                      ^");
  CHECK(LoadError("r target=text action=drop pattern=(?=x)") ==
        "rules/spam.rules:1: bad pattern: invalid perl operator: (?= (RE2 syntax: no lookaround, no backreferences)\n"
        "    r target=text action=drop pattern=(?=x)\n"
        "                                      ^");
  CHECK(LoadError("r target=text action=drop") ==
        "rules/spam.rules:1: missing pattern=\n"
        "    r target=text action=drop\n"
        "                             ^");
  CHECK(LoadError("target=text action=drop pattern=x") ==
        "rules/spam.rules:1: a rule starts with its name (lower-case letters, digits, '-'), before any key=value\n"
        "    target=text action=drop pattern=x\n"
        "    ^");
  CHECK(LoadError("r target=text action=drop pattern=x\nr target=text action=drop pattern=y") ==
        "rules/spam.rules:2: rule 'r' already defined at line 1\n"
        "    r target=text action=drop pattern=y\n"
        "    ^");
  CHECK(LoadError("r target=text target=line action=drop pattern=x") ==
        "rules/spam.rules:1: key 'target' given twice\n"
        "    r target=text target=line action=drop pattern=x\n"
        "                  ^");
  CHECK(LoadError("r target=text action drop pattern=x") ==
        "rules/spam.rules:1: expected key=value, found 'action'\n"
        "    r target=text action drop pattern=x\n"
        "                  ^");
}

TEST_CASE("ruleset: maxchars limits a rule to short texts") {
  Ruleset r;
  REQUIRE(r.AddFile("x.rules", "short-only target=text action=drop maxchars=10 pattern=subscribe\n").ok());
  REQUIRE(r.Compile().ok());
  CHECK(r.Match(Target::kText, "subscribe!").size() == 1);
  CHECK(r.Match(Target::kText, "subscribe to this long line").empty());
  CHECK(LoadError("r target=text action=drop maxchars=-3 pattern=x") ==
        "rules/spam.rules:1: maxchars must be a whole number of characters above 0, found '-3'\n"
        "    r target=text action=drop maxchars=-3 pattern=x\n"
        "                                       ^");
}

TEST_CASE("ruleset: rules of several files and length bounds match together, in rule order") {
  // Each file, and within it the rules with and without maxchars, is a
  // separate RE2 set: the hits of all of them come back as one sorted list.
  Ruleset r;
  REQUIRE(r.AddFile("rules/a.rules",
                    "a-long target=text action=drop pattern=(?i)cookie\n"
                    "a-short target=text action=drop maxchars=20 pattern=(?i)^accept\n"
                    "a-short2 target=text action=drop maxchars=40 pattern=(?i)cookies\n"
                    "a-class target=classid action=drop pattern=cookie\n")
              .ok());
  REQUIRE(r.AddFile("rules/b.rules",
                    "b-long target=text action=drop pattern=(?i)accept\n"
                    "b-short target=text action=drop maxchars=12 pattern=(?i)all\n")
              .ok());
  REQUIRE(r.Compile().ok());
  CHECK(r.Match(Target::kText, "Accept all cookies") == std::vector<int>{0, 1, 2, 4});
  CHECK(r.Match(Target::kText, "Accept all") == std::vector<int>{1, 4, 5});
  // 41 characters: past every bound, so only the unbounded rules are left.
  CHECK(r.Match(Target::kText, "Accept all cookies, they are good for you") == std::vector<int>{0, 4});
  CHECK(r.Match(Target::kClassId, "cookie-banner") == std::vector<int>{3});
  CHECK(r.Match(Target::kAttr, "cookie").empty());
  // A pattern is checked when its file is added, before any set compiles.
  CHECK_FALSE(r.AddFile("rules/c.rules", "c target=attr action=drop pattern=a{2,1}\n").ok());
}

TEST_CASE("ruleset: patterns anchored with ^ match only at the start; other alternatives stay unanchored") {
  // Patterns that start with ^ are matched anchored, which stops early; a
  // pattern whose ^ covers only part of it must still match anywhere.
  Ruleset r;
  REQUIRE(r.AddFile("x.rules",
                    "start target=text action=drop pattern=(?i)^read more\n"
                    "or-anywhere target=text action=drop pattern=^sign in|subscribe\n"
                    "escaped-paren target=text action=drop pattern=^a\\)|tail\n"
                    "class-paren target=text action=drop pattern=^[)(]|end\n"
                    "quoted target=text action=drop pattern=^x\\Q)\\E|last\n"
                    "multi-line target=text action=drop pattern=(?m)^menu\n")
              .ok());
  REQUIRE(r.Compile().ok());
  CHECK(r.Match(Target::kText, "Read more of this") == std::vector<int>{0});
  CHECK(r.Match(Target::kText, "please read more").empty());
  CHECK(r.Match(Target::kText, "sign in now") == std::vector<int>{1});
  CHECK(r.Match(Target::kText, "please subscribe") == std::vector<int>{1});
  CHECK(r.Match(Target::kText, "the tail") == std::vector<int>{2});
  CHECK(r.Match(Target::kText, "the end") == std::vector<int>{3});
  CHECK(r.Match(Target::kText, "(the start") == std::vector<int>{3});
  CHECK(r.Match(Target::kText, "the last") == std::vector<int>{4});
  CHECK(r.Match(Target::kText, "intro\nmenu") == std::vector<int>{5});
}

TEST_CASE("ruleset: windowed patterns find every match their literals allow") {
  // Groups with a window are screened by the literals their patterns need,
  // matched case-insensitively as the patterns are, Unicode included.
  Ruleset r;
  REQUIRE(r.AddFile("rules/legal.rules",
                    "cookie target=text action=penalize pattern=(?i)cookie(?:\\S* ){0,36}\\S*?(?:accept|zustimm)\n"
                    "links target=text action=penalize pattern=(?i)^.{0,60}(?:privacy policy|datenschutzerklärung|kontakt).{0,60}$\n")
              .ok());
  REQUIRE(r.AddFile("rules/short.rules",
                    "window target=text action=penalize pattern=(?i)^(?:\\S+ ){0,12}subscribe\n"
                    "tiny target=text action=penalize pattern=^.{1,3}$\n")
              .ok());
  REQUIRE(r.Compile().ok());
  CHECK(r.Match(Target::kText, "We use COOKIES on this site. Please ACCEPT them.") == std::vector<int>{0});
  CHECK(r.Match(Target::kText, "Cookies: bitte ZUSTIMMEN") == std::vector<int>{0});
  CHECK(r.Match(Target::kText, "We accept cookies").empty());  // the order matters
  CHECK(r.Match(Target::kText, "Imprint | PRIVACY POLICY | Terms") == std::vector<int>{1});
  CHECK(r.Match(Target::kText, "Impressum · DATENSCHUTZERKLÄRUNG") == std::vector<int>{1});
  CHECK(r.Match(Target::kText, "\u212Aontakt") == std::vector<int>{1});  // KELVIN SIGN folds to k
  CHECK(r.Match(Target::kText, "About us | Careers").empty());
  CHECK(r.Match(Target::kText, "You can SUBSCRIBE here") == std::vector<int>{2});
  CHECK(r.Match(Target::kText, "abc") == std::vector<int>{3});
}

TEST_CASE("ruleset: sets compiled on several threads match as those compiled on one") {
  // Compile(threads) builds each group on whichever thread takes it: the
  // hits must not depend on that, for plain, anchored, length-bounded and
  // literal-screened groups of several targets.
  const std::vector<std::string> texts = {
      "We use cookies. Please accept them.", "Read more of this", "please read more", "Share this article",
      "Sign up for our newsletter", "Privacy policy | Terms", "Photo: a photographer", "sidebar-widget",
      "Related posts", "Posted on 12 March 2024 by the editors", "", "a"};
  const Ruleset one = Ruleset::Default(1);
  for (unsigned threads : {2u, 5u, 64u}) {
    const Ruleset many = Ruleset::Default(threads);
    REQUIRE(many.rules().size() == one.rules().size());
    for (int t = 0; t < kTargetCount; ++t)
      for (const std::string& text : texts)
        CHECK_MESSAGE(many.Match(static_cast<Target>(t), text) == one.Match(static_cast<Target>(t), text),
                      threads << " threads, target " << TargetName(static_cast<Target>(t)) << ": " << text);
  }
  // Some of those texts do hit built-in rules, so the comparison compares hits.
  CHECK_FALSE(one.Match(Target::kText, texts[0]).empty());
  CHECK_FALSE(one.Match(Target::kText, texts[3]).empty());
}

TEST_CASE("ruleset: MatchAll gives each text the hits Match gives it") {
  const Ruleset& r = Ruleset::Default();
  // Short and long texts (bounded groups skip the long ones), repeats, an
  // empty one, and texts that hit several groups.
  const std::vector<std::string> owned = {
      "We use cookies. Please accept them.", "Read more", std::string(600, 'x') + " read more", "Share this article",
      "", "Sign up for our newsletter", "Read more", "Posted on 12 March 2024 by the editors", "sidebar-widget",
      "Related posts"};
  const std::vector<std::string_view> texts(owned.begin(), owned.end());
  std::size_t hits = 0;
  for (int t = 0; t < kTargetCount; ++t) {
    const auto target = static_cast<Target>(t);
    const std::vector<std::vector<int>> all = r.MatchAll(target, texts);
    REQUIRE(all.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CHECK_MESSAGE(all[i] == r.Match(target, texts[i]), TargetName(target) << ": " << owned[i]);
      hits += all[i].size();
    }
    CHECK(r.MatchAll(target, {}).empty());
  }
  CHECK(hits >= 6);  // the comparison compares hits, not only empty lists
}

TEST_CASE("ruleset: a file with an error adds none of its rules") {
  Ruleset r;
  CHECK_FALSE(r.AddFile("f.rules", "ok target=text action=drop pattern=x\nbad target=nope action=drop pattern=y\n").ok());
  CHECK(r.rules().empty());
}

TEST_CASE("ruleset: every built-in rules file passes AddFile's checks, which Default skips") {
  // Default() leaves out the pattern check at start-up; this is where the
  // embedded files get it.
  Ruleset checked;
  for (const EmbeddedFile& f : EmbeddedRules()) CHECK_MESSAGE(checked.AddFile(f.path, f.content).ok(), f.path);
  REQUIRE(checked.Compile().ok());
  CHECK(checked.rules().size() == Ruleset::Default().rules().size());
}

TEST_CASE("ruleset: the built-in rules load and every target compiles") {
  const Ruleset r = Ruleset::Default();
  CHECK(r.rules().size() > 50);
  for (const Rule& rule : r.rules()) {
    CHECK_MESSAGE(!rule.comment.empty(), "rule without a comment: " << rule.name);
  }
}

TEST_CASE("ruleset: the built-in cookie-notice rule finds consent notices, not recipes") {
  auto fires = [](const std::string& text) { return Fires("legal-cookie-notice", text); };
  CHECK(fires("We use cookies to improve your experience. Accept or manage your settings."));
  CHECK(fires("Cookies erleichtern die Bereitstellung unserer Dienste. Mit der Nutzung unserer Dienste erkl\xC3\xA4ren "
              "Sie sich damit einverstanden, dass wir Cookies verwenden."));
  CHECK(fires("Diese Website verwendet Cookies. Weitere Informationen in der Datenschutzerkl\xC3\xA4rung."));
  CHECK(fires("Ce site utilise des cookies pour mesurer l'audience ; vous pouvez les accepter ou les refuser."));
  CHECK_FALSE(fires("Bake the cookies for twelve minutes, until the edges turn golden, and let them cool on a rack."));
  CHECK_FALSE(fires("Wir sind einverstanden, dass die Kekse zw\xC3\xB6lf Minuten backen."));
}

TEST_CASE("ruleset: the built-in appeal rules find inbox, share, channel and embed prompts, not article prose") {
  const Ruleset r = Ruleset::Default();
  auto fired = [&](const std::string& text) {
    std::string names;
    for (int i : r.Match(Target::kText, text))
      if (r.rules()[i].name.rfind("cta-", 0) == 0) names += r.rules()[i].name + " ";
    return names;
  };
  CHECK(fired("Die wichtigsten Meldungen der Woche direkt in dein Postfach.") == "cta-inbox ");
  CHECK(fired("Get the morning briefing straight to your inbox.") == "cta-inbox ");
  CHECK(fired("M\xC3\xB6" "chten Sie den Artikel teilen?") == "cta-share-question ");
  CHECK(fired("Gef\xC3\xA4llt dir unser Wandermagazin?") == "cta-share-question ");
  const std::string appeal =
      "Gef\xC3\xA4llt dir unser Wandermagazin? Als wir anfingen, haben wir uns gegen eine Bezahlschranke "
      "entschieden, damit alle Artikel frei bleiben. Damit das so bleibt, brauchen wir deine Hilfe: Jeder "
      "Beitrag hilft uns, weiter unabh\xC3\xA4ngig \xC3\xBC" "ber die Berge zu schreiben.";
  CHECK(fired(appeal) == "cta-like-lead ");
  // Mid-paragraph the question is a quote, not an appeal.
  CHECK(fired("Sie fragte ihn: Gef\xC3\xA4llt dir unser neues Haus? Er sagte nichts, und sie sprachen den ganzen Abend "
              "\xC3\xBC" "ber die Reise, die Kinder und den Garten, der im Fr\xC3\xBChjahr neu angelegt werden sollte, weil "
              "der alte Zaun eingefallen war und die Nachbarn sich beschwert hatten.") == "");
  CHECK(fired("No olvides visitar nuestro canal de YouTube.") == "cta-own-channel ");
  CHECK(fired("Klicken Sie auf den Button, um den Inhalt von einem Kartendienst zu laden.") == "cta-load-embed ");
  CHECK(fired("Der Brief landete erst nach drei Wochen im Postfach des Rathauses, sagte die Sprecherin.") == "");
  CHECK(fired("The council will hear what residents think about the bridge at its next meeting.") == "");
  CHECK(fired("El canal de riego de la comarca se abri\xC3\xB3 en 1910.") == "");
  CHECK(fired("\xC2\xBFSab\xC3\xAD" "as que tenemos canal de Telegram? \xC3\x9Anete.") == "cta-own-channel ");
  CHECK(fired("Welche Erfahrung habt ihr gemacht? Verraten Sie uns gerne in den Kommentaren, was Sie denken.") ==
        "cta-comment-invite ");
  CHECK(fired("Readers wrote about the bridge in the comments section of the council's own site.") == "");
}

TEST_CASE("ruleset: affiliate disclosures, site licences and photo credits are recognised, ordinary sentences are not") {
  CHECK(Fires("legal-affiliate", "F\xC3\xBC" "r Links auf dieser Seite erh\xC3\xA4lt das Portal ggf. eine Provision vom H\xC3\xA4ndler."));
  CHECK(Fires("legal-affiliate", "Solche Links kennzeichnen wir. Geld erhalten wir nur, wenn Sie dort etwas kaufen."));
  CHECK(Fires("legal-affiliate", "Advertisers do not influence our picks. Read our advertiser disclosure for more info."));
  CHECK_FALSE(Fires("legal-affiliate", "Die Stadt erh\xC3\xA4lt vom Land eine F\xC3\xB6rderung f\xC3\xBC" "r den Radweg."));
  CHECK(Fires("meta-credit", "Cr\xC3\xA9" "dits photos : Agence Exemple"));
  CHECK(Fires("meta-credit", "Bildnachweis: Stadtarchiv"));
  CHECK_FALSE(Fires("meta-credit", "Die Fotos zeigen den Hafen im Winter."));
  CHECK(Fires("legal-site-licence", "Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY 4.0."));
  CHECK(Fires("legal-site-licence", "All content on this blog is published under a Creative Commons licence."));
  CHECK_FALSE(Fires("legal-site-licence", "The museum released its photographs under a Creative Commons licence."));
}

TEST_CASE("ruleset: breadcrumb trails are recognised, also when they end with the article's title") {
  auto trail = [](const std::string& text) { return Fires("meta-breadcrumb", text); };
  CHECK(trail("Home > News > World"));
  CHECK(trail("> Blog > Regional > Annual conference on digital policy of the state foundation in the south-west"));
  CHECK(trail("Start \xC2\xBB Ratgeber \xC2\xBB Garten \xC2\xBB Wann man Obstb\xC3\xA4ume im Winter schneiden sollte"));
  // Prose with one arrow, and German dialogue in guillemets, are not trails.
  CHECK_FALSE(trail("The share of households with broadband rose from 40 percent > 60 percent within three years."));
  CHECK_FALSE(trail("\xC2\xBBKommst du mit?\xC2\xAB, fragte sie. \xC2\xBBNein\xC2\xAB, sagte er, \xC2\xBBich bleibe hier.\xC2\xAB"));
}

TEST_CASE("ruleset: rows of tool buttons and agency picture credits are recognised, article lines are not") {
  auto tools = [](const std::string& text) { return Fires("prompt-tool-labels", text); };
  CHECK(tools("Bild anzeigen Bild schlie\xC3\x9F" "en"));
  CHECK(tools("Rezept drucken Bei Pinterest speichern"));
  CHECK(tools("Print recipe | Pin recipe"));
  CHECK_FALSE(tools("Print recipe cards on thick paper so they survive the kitchen."));
  CHECK_FALSE(tools("Bild anzeigen lassen konnte er sich das Dokument nicht."));
  auto credit = [](const std::string& text) { return Fires("meta-credit-agency", text); };
  CHECK(credit("AFP / MARCO BERTORELLO"));
  CHECK(credit("dpa / Kay Nietfeld"));
  CHECK(credit("A ski star from Switzerland. \xC2\xA9 Reuters/Fabian Bimmer"));
  // An agency closing a news paragraph is its source, not a picture credit.
  CHECK_FALSE(credit("The minister resigned on Friday after a week of protests in the capital. (dpa/AFP)"));
  CHECK_FALSE(credit("APA and AFP reported the figures first."));
}

TEST_CASE("ruleset: membership, single-article and support offers are recognised, reports about them are not") {
  CHECK(Fires("cta-offer-en", "First-time subscribers also receive a tote bag made by local artists!"));
  CHECK(Fires("cta-offer-intl", "Werden Sie Mitglied bei Familienwelt und erhalten Sie exklusive Angebote!"));
  CHECK(Fires("cta-offer-intl", "Lesen Sie das Magazin einfach digital in der Rad-App oder bestellen Sie es als Abo oder Einzelheft."));
  CHECK(Fires("cta-paywall", "Instant access to the full article PDF."));
  CHECK(Fires("cta-paywall", "Buy single article"));
  CHECK(Fires("cta-support", "Unterst\xC3\xBCtze Stadtblatt bereits mit 2,50!"));
  CHECK_FALSE(Fires("cta-offer-en", "The paper said its subscribers fell by a third after the price rise."));
  CHECK_FALSE(Fires("cta-offer-intl", "Der Verein hat seit dem Sommer 40 neue Mitglieder, sagte die Vorsitzende."));
  CHECK_FALSE(Fires("cta-paywall", "The court ruled that buyers of the article must be told the price in advance."));
  CHECK_FALSE(Fires("cta-support", "Die Stadt unterst\xC3\xBCtzt den Verein mit 2000 Euro im Jahr."));
}

TEST_CASE("ruleset: caption credits, notes about the text and publication labels are recognised, prose is not") {
  auto credit = [](const std::string& text) { return Fires("meta-credit-suffix", text); };
  CHECK(credit("Die Piloten lernen in Bremen auf zwei Flugzeugtypen. \xC2\xA9 Flugschule Nord"));
  CHECK(credit("Die lachende Menge treibt ihr Opfer in die Enge. Bild: Anna Beispiel/Stadttheater"));
  CHECK(credit("Das Hermelin ist im Winter gut getarnt. (jdoe / iStock.com)"));
  CHECK_FALSE(credit("The museum bought the painting in 1998 and has shown it every summer since then."));
  CHECK_FALSE(credit("Er zeigte uns das Bild: Es hing schief, und niemand hatte es bemerkt, sagte der Hausmeister."));
  auto note = [](const std::string& text) { return Fires("legal-text-note", text); };
  CHECK(note("Dieser Beitrag stammt aus Ausgabe 7/2019 des Magazins. Das Heft ist im Handel erh\xC3\xA4ltlich."));
  CHECK(note("Bei diesem Beitrag handelt es sich um einen Blog aus der Community."));
  CHECK(note("Dieser Text wurde von Medizinern gepr\xC3\xBC" "ft und entspricht den Leitlinien."));
  CHECK(note("The views expressed in this article are those of the author."));
  CHECK_FALSE(note("Der Artikel erschien vor drei Jahren und l\xC3\xB6ste eine Debatte im Landtag aus."));
  CHECK(Fires("meta-published", "Ver\xC3\xB6" "ffentlichung: 2. Februar 2022"));
  CHECK_FALSE(Fires("meta-published", "Die Ver\xC3\xB6" "ffentlichung der Studie im Februar 2022 sorgte f\xC3\xBCr Streit."));
}

TEST_CASE("ruleset: author boxes carry the author-bio penalty, article bodies do not") {
  auto fires = [](const std::string& classid) { return Fires("classid-author-bio", classid, Target::kClassId); };
  CHECK(fires("bmg-content-box bmg-author-box"));
  CHECK(fires("about-the-author"));
  CHECK(fires("post-authorbio"));
  CHECK_FALSE(fires("post-author"));
  CHECK_FALSE(fires("article-body entry-content"));
}

}  // namespace pith
