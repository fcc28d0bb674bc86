// ruleset: the rules language (rules/*.rules) and its matcher.
//
// One rule per line:
//   <name> target=<target> action=<action> [weight=<number>] [maxchars=<n>] pattern=<RE2>
// `pattern=` comes last and takes the rest of the line verbatim. Lines that
// start with '#' are comments; the comment lines right above a rule are kept
// as its description. The rule family is the file's stem ("prompts" for
// rules/prompts.rules); json output counts removals per family.
//
// The patterns compile into RE2::Sets, one per target and rules file, with
// rules that have maxchars=, patterns anchored at the start (^) and patterns
// with a window (below) apart from the others, so matching a block is
// one linear pass over its text per group. Why not one set per target: a set
// is one automaton whose states are tuples of its patterns' states, and
// patterns with windows (.{0,60}, (?:\S* ){0,17}) multiply each other's
// states, as does a pattern that can match anywhere with an anchored window;
// over trafilatura-dev's blocks a single set per target spent ten times
// longer building DFA states than the groups take to match, and outgrew RE2's
// DFA cache. A rules file keeps related patterns together, and a group whose
// rules all have maxchars= is skipped on longer texts. The grouping decides
// the cost, never the hits.
//
// Two more shortcuts, which never change the hits either:
// - An anchored group is matched anchored (RE2::ANCHOR_START), so the
//   automaton stops where its patterns can no longer match instead of
//   reading the rest of the text.
// - A pattern with a window (a counted repetition of 9 or more) builds
//   DFA states for every position of the window on every text, even
//   though few texts hold its words. Such patterns are grouped apart, and
//   their group is first screened by the literals its patterns need
//   (RE2's FilteredRE2 prefilter: "cookie" and one of "accept",
//   "consent"...), matched case-insensitively in one cheap pass; a text
//   that cannot satisfy any pattern skips the group. A group with a
//   pattern that needs no literal is never screened.
// Patterns are checked (parsed) when a file is added; only the sets are
// compiled.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace pith {

enum class Target { kText, kLine, kClassId, kTagPath, kAttr };
inline constexpr int kTargetCount = 5;
enum class Action { kBoost, kPenalize, kDrop, kKeep, kCut };

const char* TargetName(Target t);
const char* ActionName(Action a);

struct Rule {
  std::string name;
  std::string family;       // file stem
  std::string file;         // as given to AddFile, for messages
  int line = 0;
  Target target = Target::kText;
  Action action = Action::kPenalize;
  double weight = 1.0;      // boost adds it, penalize subtracts it
  int max_chars = 0;        // fires only on texts of at most this many characters; 0 = any
  std::string pattern;
  std::string comment;
};

class Ruleset {
 public:
  Ruleset();
  Ruleset(Ruleset&&) noexcept;
  Ruleset& operator=(Ruleset&&) noexcept;
  ~Ruleset();

  // The rules compiled into the binary (rules/*.rules at build time),
  // compiled on up to `threads` threads (see Compile).
  static Ruleset Default(unsigned threads = 1);

  // Parses and checks one rules file. On error nothing of the file is added
  // and the message reads "file:line: what (hint)" followed by the line and a
  // caret under the offending spot.
  Status AddFile(std::string_view path, std::string_view content);

  // Reads every *.rules file of a directory (sorted by name).
  Status AddDirectory(const std::string& dir);
  // Reads one file from disk.
  Status AddPath(const std::string& path);

  // Builds the RE2::Sets. Must be called after the last Add* and before Match.
  // The groups are independent automata, so up to `threads` threads (the
  // calling one among them) compile them side by side: start-up is serial
  // time that a batch on N cores pays in full. The sets, and the message of
  // the first group (in order) that fails, are the same for any `threads`.
  Status Compile(unsigned threads = 1);

  // Indices (into rules()), ascending, of the rules of `target` whose pattern
  // matches and whose maxchars (if any) admits the text. Thread-safe: RE2
  // sets may be matched concurrently.
  std::vector<int> Match(Target target, std::string_view text) const;

  // Match for each of `texts`: the same hits, found group by group over
  // all the texts rather than text by text over all the groups, so that
  // one group's automaton is in use at a time. On two threads that ran
  // 3.6% faster over trafilatura-dev (the two threads' working sets of
  // automaton states compete for the cache less); on one, 2.3%.
  std::vector<std::vector<int>> MatchAll(Target target, std::span<const std::string_view> texts) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  // The rules of one target and file, with or without maxchars, anchored or
  // not, windowed or not.
  struct Group {
    Target target = Target::kText;
    std::string family;
    bool anchored = false;      // every pattern starts with ^: the set is matched anchored
    bool windowed = false;      // every pattern holds a window (see above): the set may be screened
    std::size_t max_chars = 0;  // the largest maxchars of its rules; 0: rules without maxchars
    std::unique_ptr<RE2::Set> set;
    std::vector<int> rule_of;   // set index -> rule index
    // Screened (windowed) groups only, else null: the prefilter of the
    // group's patterns and the set of the literals it asks for.
    std::unique_ptr<re2::FilteredRE2> prefilter;
    std::unique_ptr<RE2::Set> literals;
  };

  // Whether `text` holds the literals one of the group's patterns needs.
  static bool PassesPrefilter(const Group& g, const re2::StringPiece& text);
  // AddFile, with or without checking that each pattern parses.
  Status Parse(std::string_view path, std::string_view content, bool check_patterns);
  static Status CompileGroup(const std::vector<Rule>& rules, Group* g);
  static Status CompilePrefilter(const std::vector<Rule>& rules, Group* g);

  std::vector<Rule> rules_;
  std::vector<Group> groups_;  // by target, then in file order
};

}  // namespace pith
