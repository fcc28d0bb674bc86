#include "ruleset/ruleset.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "document/textutil.h"
#include "embedded.h"

namespace pith {
namespace {

constexpr std::array<const char*, kTargetCount> kTargetNames = {"text", "line", "classid", "tagpath", "attr"};
constexpr std::array<const char*, 5> kActionNames = {"boost", "penalize", "drop", "keep", "cut"};
constexpr std::array<const char*, 5> kKeys = {"target", "action", "weight", "maxchars", "pattern"};

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// " (did you mean 'x'?)" for the closest candidate within distance 2.
template <typename Names>
std::string DidYouMean(std::string_view word, const Names& names) {
  std::string best;
  std::size_t best_d = 3;
  for (const char* n : names) {
    const std::size_t d = EditDistance(word, n);
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

template <typename Names>
std::string OneOf(const Names& names) {
  std::string s;
  for (const char* n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

std::string Located(std::string_view file, int line, std::string_view text, std::size_t column,
                    const std::string& message) {
  // The caret's indent keeps the line's tabs, so it lines up under them.
  std::string indent(column, ' ');
  for (std::size_t i = 0; i < column && i < text.size(); ++i)
    if (text[i] == '\t') indent[i] = '\t';
  std::ostringstream out;
  out << file << ':' << line << ": " << message << "\n    " << text << "\n    " << indent << '^';
  return out.str();
}

bool ValidName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// max_mem bounds a set's program and the DFA states it keeps as it reads
// texts (RE2 starts the cache over when it is full). The states a batch
// needs level off as it goes, but never-seen text adds some: over 20,000
// generated pages (bench/memory) the 64 MiB RE2 allows grew pith to 83 MB,
// 16 MiB to 67 MB at the same speed; 8 MiB restarted caches on the
// trafilatura-dev pages and ran 10% slower on the generated ones.
RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(16 << 20);
  return o;
}

// Parses a pattern as the sets will (without compiling it); false and RE2's
// message when it is not valid RE2 syntax.
bool CheckPattern(const std::string& pattern, std::string* error) {
  RE2::Set parse_only(PatternOptions(), RE2::UNANCHORED);
  return parse_only.Add(pattern, error) >= 0;
}

// Calls visit(i, depth) for each character of `pattern` that is syntax of
// the pattern itself, not inside an escape (\., \p{..}, \x{..}, \Q...\E) or a
// character class; depth counts the groups open before it.
template <typename Visit>
void WalkSyntax(std::string_view p, Visit visit) {
  // The end of the escape starting at p[i] == '\\'.
  auto skip_escape = [&](std::size_t i) {
    if (i + 1 >= p.size()) return p.size();
    if (p[i + 1] == 'Q') {
      const std::size_t end = p.find("\\E", i + 2);
      return end == std::string_view::npos ? p.size() : end + 2;
    }
    if ((p[i + 1] == 'p' || p[i + 1] == 'P' || p[i + 1] == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
      const std::size_t end = p.find('}', i + 3);
      return end == std::string_view::npos ? p.size() : end + 1;
    }
    return i + 2;
  };
  int depth = 0;
  std::size_t i = 0;
  while (i < p.size()) {
    if (p[i] == '\\') {
      i = skip_escape(i);
    } else if (p[i] == '[') {
      i += 1;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;  // a leading ] is a literal
      while (i < p.size() && p[i] != ']') {
        if (p[i] == '\\') {
          i = skip_escape(i);
        } else if (p.substr(i).starts_with("[:")) {
          const std::size_t end = p.find(":]", i + 2);
          i = end == std::string_view::npos ? p.size() : end + 2;
        } else {
          ++i;
        }
      }
      ++i;
    } else {
      if (p[i] == ')') --depth;
      visit(i, depth);
      if (p[i] == '(') ++depth;
      ++i;
    }
  }
}

// Whether every match of the pattern starts at the beginning of the text: it
// starts with "^" (after flag groups such as "(?i)", without the multi-line
// flag m), the ^ is not repeated, and no top-level | offers an unanchored
// alternative ("^a|b"). Such patterns are grouped apart and matched
// anchored, which stops the automaton early; it never changes the hits.
bool WhollyAnchored(std::string_view pattern) {
  while (pattern.starts_with("(?")) {
    const std::size_t end = pattern.find_first_not_of("isU-", 2);
    if (end == std::string_view::npos || pattern[end] != ')') return false;
    pattern.remove_prefix(end + 1);
  }
  if (!pattern.starts_with('^') || (pattern.size() > 1 && std::string_view("*+?{").find(pattern[1]) != std::string_view::npos))
    return false;
  bool alternative = false;
  WalkSyntax(pattern, [&](std::size_t i, int depth) { alternative |= pattern[i] == '|' && depth == 0; });
  return !alternative;
}

// Whether the pattern holds a window: a counted repetition ({m,n}, {n}) of
// kWindow or more, whose positions multiply the DFA states (ruleset.h).
// Measured on trafilatura-dev, with windowed patterns grouped apart: from 9
// (the "within the first ten words" of prompt lines) the screened groups
// built 117,000 DFA states against 149,000 with 30, and a batch ran 2%
// faster on one thread and 5% on two, for 5 ms more start-up (their
// prefilters compile each pattern once more). Lower bounds screened
// patterns whose literals are common words: more states and start-up.
constexpr int kWindow = 9;
bool HasWindow(std::string_view pattern) {
  bool window = false;
  WalkSyntax(pattern, [&](std::size_t i, int) {
    if (pattern[i] != '{') return;
    int bound = 0;
    for (std::size_t j = i + 1; j < pattern.size() && pattern[j] != '}'; ++j) {
      if (pattern[j] == ',') bound = 0;
      else if (pattern[j] >= '0' && pattern[j] <= '9') bound = std::min(bound * 10 + (pattern[j] - '0'), 1000);
      else return;  // not a repetition: "{" is a literal here
    }
    window |= bound >= kWindow;
  });
  return window;
}

// Literals shorter than this are not worth a screening pass: the prefilter
// treats a pattern that needs only shorter ones as needing none.
constexpr int kMinLiteral = 3;

}  // namespace

const char* TargetName(Target t) { return kTargetNames[static_cast<int>(t)]; }
const char* ActionName(Action a) { return kActionNames[static_cast<int>(a)]; }

Ruleset::Ruleset() = default;
Ruleset::Ruleset(Ruleset&&) noexcept = default;
Ruleset& Ruleset::operator=(Ruleset&&) noexcept = default;
Ruleset::~Ruleset() = default;

Ruleset Ruleset::Default(unsigned threads) {
  Ruleset r;
  for (const EmbeddedFile& f : EmbeddedRules()) {
    // The test suite loads every embedded file through AddFile. Its pattern
    // check is a parse that Compile repeats, and a sixth of the start-up
    // (6 ms of the 40 that a one-page run takes here), so it is skipped; a
    // failure here is a packaging bug, so it is loud.
    if (Status s = r.Parse(f.path, f.content, /*check_patterns=*/false); !s.ok()) std::abort();
  }
  if (!r.Compile(threads).ok()) std::abort();
  return r;
}

Status Ruleset::AddFile(std::string_view path, std::string_view content) {
  return Parse(path, content, /*check_patterns=*/true);
}

Status Ruleset::Parse(std::string_view path, std::string_view content, bool check_patterns) {
  std::string family(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
  family = family.substr(0, family.find('.'));
  std::vector<Rule> added;
  std::string comment;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
      comment.clear();
      continue;
    }
    if (line[first] == '#') {
      std::string_view c = line.substr(first + 1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (!comment.empty()) comment += ' ';
      comment += c;
      continue;
    }
    auto fail = [&](std::size_t column, const std::string& message) {
      return Status::Error(Located(path, line_no, line, column, message));
    };
    Rule rule;
    rule.family = family;
    rule.file = std::string(path);
    rule.line = line_no;
    rule.comment = std::move(comment);
    comment.clear();
    std::size_t i = first;
    std::size_t name_end = line.find_first_of(" \t", i);
    if (name_end == std::string_view::npos) name_end = line.size();
    rule.name = std::string(line.substr(i, name_end - i));
    if (rule.name.find('=') != std::string::npos)
      return fail(i, "a rule starts with its name (lower-case letters, digits, '-'), before any key=value");
    if (!ValidName(rule.name))
      return fail(i, "invalid rule name '" + rule.name + "' (use lower-case letters, digits, '-' and '_')");
    i = name_end;
    bool seen[kKeys.size()] = {};
    while (true) {
      i = line.find_first_not_of(" \t", i);
      if (i == std::string_view::npos) break;
      const std::size_t eq = line.find('=', i);
      std::size_t token_end = line.find_first_of(" \t", i);
      if (token_end == std::string_view::npos) token_end = line.size();
      if (eq == std::string_view::npos || eq > token_end)
        return fail(i, "expected key=value, found '" + std::string(line.substr(i, token_end - i)) + "'");
      const std::string key(line.substr(i, eq - i));
      const auto key_it = std::find(kKeys.begin(), kKeys.end(), key);
      if (key_it == kKeys.end())
        return fail(i, "unknown key '" + key + "'" + DidYouMean(key, kKeys) + "; keys are " + OneOf(kKeys));
      const std::size_t k = static_cast<std::size_t>(key_it - kKeys.begin());
      if (seen[k]) return fail(i, "key '" + key + "' given twice");
      seen[k] = true;
      const std::size_t vstart = eq + 1;
      if (key == "pattern") {
        rule.pattern = std::string(line.substr(vstart));
        if (rule.pattern.empty()) return fail(vstart, "empty pattern");
        break;
      }
      const std::string value(line.substr(vstart, token_end - vstart));
      if (key == "target") {
        auto it = std::find(kTargetNames.begin(), kTargetNames.end(), value);
        if (it == kTargetNames.end())
          return fail(vstart, "unknown target '" + value + "'" + DidYouMean(value, kTargetNames) +
                                  "; targets are " + OneOf(kTargetNames));
        rule.target = static_cast<Target>(it - kTargetNames.begin());
      } else if (key == "action") {
        auto it = std::find(kActionNames.begin(), kActionNames.end(), value);
        if (it == kActionNames.end())
          return fail(vstart, "unknown action '" + value + "'" + DidYouMean(value, kActionNames) +
                                  "; actions are " + OneOf(kActionNames));
        rule.action = static_cast<Action>(it - kActionNames.begin());
      } else if (key == "maxchars") {
        int m = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), m);
        if (ec != std::errc() || p != value.data() + value.size() || m < 1)
          return fail(vstart, "maxchars must be a whole number of characters above 0, found '" + value + "'");
        rule.max_chars = m;
      } else {  // weight
        double w = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
        if (ec != std::errc() || p != value.data() + value.size() || !(w >= 0 && w <= 100))  // NaN too
          return fail(vstart, "weight must be a number from 0 to 100, found '" + value + "'");
        rule.weight = w;
      }
      i = token_end;
    }
    for (std::size_t k = 0; k < kKeys.size(); ++k) {
      if (k == 2 || k == 3) continue;  // weight and maxchars are optional
      if (!seen[k]) return fail(line.size(), std::string("missing ") + kKeys[k] + "=");
    }
    if (std::string error; check_patterns && !CheckPattern(rule.pattern, &error))
      return fail(line.find("pattern=") + 8, "bad pattern: " + error +
                                                  " (RE2 syntax: no lookaround, no backreferences)");
    for (const Rule& other : rules_)
      if (other.name == rule.name)
        return fail(first, "rule '" + rule.name + "' already defined at " + other.file + ":" +
                               std::to_string(other.line));
    for (const Rule& other : added)
      if (other.name == rule.name)
        return fail(first, "rule '" + rule.name + "' already defined at line " + std::to_string(other.line));
    added.push_back(std::move(rule));
  }
  for (Rule& rule : added) rules_.push_back(std::move(rule));
  return Status::Ok();
}

Status Ruleset::AddPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read rules file");
  std::ostringstream content;
  content << in.rdbuf();
  return AddFile(path, content.str());
}

Status Ruleset::AddDirectory(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".rules") files.push_back(entry.path().string());
  if (ec) return Status::Error(dir + ": cannot read rules directory (" + ec.message() + ")");
  if (files.empty()) return Status::Error(dir + ": no *.rules files in this directory");
  std::sort(files.begin(), files.end());
  for (const std::string& f : files)
    if (Status s = AddPath(f); !s.ok()) return s;
  return Status::Ok();
}

Status Ruleset::Compile(unsigned threads) {
  groups_.clear();
  for (int t = 0; t < kTargetCount; ++t) {
    const auto target = static_cast<Target>(t);
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      const Rule& rule = rules_[r];
      if (rule.target != target) continue;
      const bool bounded = rule.max_chars > 0;
      const bool anchored = WhollyAnchored(rule.pattern);
      const bool windowed = HasWindow(rule.pattern);
      auto group = std::find_if(groups_.begin(), groups_.end(), [&](const Group& g) {
        return g.target == target && g.family == rule.family && (g.max_chars > 0) == bounded &&
               g.anchored == anchored && g.windowed == windowed;
      });
      if (group == groups_.end()) {
        group = groups_.insert(groups_.end(), Group{});
        group->target = target;
        group->family = rule.family;
        group->anchored = anchored;
        group->windowed = windowed;
      }
      group->rule_of.push_back(static_cast<int>(r));
      if (bounded) group->max_chars = std::max(group->max_chars, static_cast<std::size_t>(rule.max_chars));
    }
  }
  // Each thread takes the next group no thread has taken yet and builds
  // all of it: what a group allocates is then freed on the thread that
  // allocated it (a thread freeing into another's malloc arena waits for
  // that arena's lock, and compiling on two threads gained nothing). The
  // groups go longest patterns first, so that the last group a thread
  // takes is a quick one and the others do not wait long for it.
  std::vector<std::size_t> order(groups_.size());
  std::vector<std::size_t> length(groups_.size());
  for (std::size_t i = 0; i < groups_.size(); ++i) {
    order[i] = i;
    for (int r : groups_[i].rule_of) length[i] += rules_[r].pattern.size();
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return length[a] > length[b]; });
  std::vector<Status> status(groups_.size());
  std::atomic<std::size_t> next{0};
  auto compile_groups = [&] {
    for (std::size_t i = next++; i < order.size(); i = next++) status[order[i]] = CompileGroup(rules_, &groups_[order[i]]);
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min<std::size_t>(threads, groups_.size()); ++t) helpers.emplace_back(compile_groups);
  compile_groups();
  for (std::thread& helper : helpers) helper.join();
  for (Status& s : status)
    if (!s.ok()) return std::move(s);
  return Status::Ok();
}

Status Ruleset::CompileGroup(const std::vector<Rule>& rules, Group* g) {
  g->set = std::make_unique<RE2::Set>(PatternOptions(), g->anchored ? RE2::ANCHOR_START : RE2::UNANCHORED);
  for (int r : g->rule_of) {
    std::string error;
    if (g->set->Add(rules[r].pattern, &error) < 0)
      return Status::Error(rules[r].file + ":" + std::to_string(rules[r].line) + ": bad pattern: " + error);
  }
  if (!g->set->Compile())
    return Status::Error("rules: the " + std::string(TargetName(g->target)) + " patterns of " + g->family +
                         ".rules are too large to compile together");
  if (g->windowed) return CompilePrefilter(rules, g);
  return Status::Ok();
}

Status Ruleset::CompilePrefilter(const std::vector<Rule>& rules, Group* g) {
  auto prefilter = std::make_unique<re2::FilteredRE2>(kMinLiteral);
  for (int r : g->rule_of) {
    int id = 0;
    if (prefilter->Add(rules[r].pattern, PatternOptions(), &id) != RE2::NoError)
      return Status::Error(rules[r].file + ":" + std::to_string(rules[r].line) + ": bad pattern");
  }
  std::vector<std::string> literals;
  prefilter->Compile(&literals);
  // The patterns that pass whatever the text holds need no literal: a group
  // with one is never screened.
  std::vector<int> unscreened;
  prefilter->AllPotentials({}, &unscreened);
  if (literals.empty() || !unscreened.empty()) return Status::Ok();
  // The prefilter's literals are lower-cased; matching them case-insensitively
  // finds every spelling the patterns match (and perhaps a few more).
  RE2::Options options = PatternOptions();
  options.set_case_sensitive(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& literal : literals) {
    std::string error;
    if (set->Add(RE2::QuoteMeta(literal), &error) < 0) return Status::Ok();  // left unscreened
  }
  if (!set->Compile()) return Status::Ok();
  g->prefilter = std::move(prefilter);
  g->literals = std::move(set);
  return Status::Ok();
}

bool Ruleset::PassesPrefilter(const Group& g, const re2::StringPiece& text) {
  // Most texts hold none of the literals: that pass stops at the first one
  // found and allocates nothing. The literals found decide the rest.
  if (!g.literals->Match(text, nullptr)) return false;
  std::vector<int> found;  // indices of the literals the text holds
  if (!g.literals->Match(text, &found)) return false;
  std::vector<int> possible;
  g.prefilter->AllPotentials(found, &possible);
  return !possible.empty();
}

std::vector<int> Ruleset::Match(Target target, std::string_view text) const {
  return std::move(MatchAll(target, {&text, 1}).front());
}

std::vector<std::vector<int>> Ruleset::MatchAll(Target target, std::span<const std::string_view> texts) const {
  std::vector<std::vector<int>> hits(texts.size());
  std::vector<std::size_t> chars;  // of each text, counted when a length bound first needs them
  std::vector<int> ids;
  for (const Group& g : groups_) {
    if (g.target != target) continue;
    if (g.max_chars > 0 && chars.empty()) {
      chars.resize(texts.size());
      for (std::size_t i = 0; i < texts.size(); ++i) chars[i] = CodePoints(texts[i]);
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (g.max_chars > 0 && chars[i] > g.max_chars) continue;
      // Most texts match none of a group's patterns. Asked only whether any
      // does, RE2 stops at the first match and collects no ids; the ids are
      // asked for when there is one.
      const re2::StringPiece piece(texts[i].data(), texts[i].size());
      if (g.literals && !PassesPrefilter(g, piece)) continue;
      if (!g.set->Match(piece, nullptr) || !g.set->Match(piece, &ids)) continue;
      for (int id : ids) {
        const int r = g.rule_of[id];
        // Only bounded groups hold rules with maxchars, so chars is counted.
        if (rules_[r].max_chars > 0 && chars[i] > static_cast<std::size_t>(rules_[r].max_chars)) continue;
        hits[i].push_back(r);
      }
    }
  }
  for (std::vector<int>& h : hits) std::sort(h.begin(), h.end());
  return hits;
}

}  // namespace pith
