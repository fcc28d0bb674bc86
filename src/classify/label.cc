#include "classify/label.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "document/textutil.h"
#include "features/stopwords.h"

namespace pith {
namespace {

bool HasAction(const Verdict& v, const Ruleset& rules, Action action, int* which = nullptr) {
  for (int r : v.rules) {
    if (rules.rules()[r].action == action) {
      if (which) *which = r;
      return true;
    }
  }
  return false;
}

// A line that reads like a headline or a link in a list, not like prose.
bool IsListLine(const Features& f, const LabelOptions& o) {
  if (f.link_density > 0.5) return true;
  if (f.chars >= o.list_line_chars) return false;
  if (f.sentences >= 2 && f.chars > 100) return false;
  return true;
}

// True when element e is `ancestor` or lies below it.
bool IsWithin(const Document& doc, int e, int ancestor) {
  for (; e >= 0; e = doc.elements[e].parent)
    if (e == ancestor) return true;
  return false;
}

// The block sits in an element that names itself the article's body (a
// class/id or attribute boost of article_body_boost or more).
bool InArticleBody(const Verdict& v, const Ruleset& rules, const LabelOptions& o) {
  bool body = false;
  for (int r : v.rules) {
    const Rule& rule = rules.rules()[r];
    if (rule.action != Action::kBoost) return false;  // any penalty: a widget in the body (a form, a share bar)
    if (rule.action == Action::kBoost && (rule.target == Target::kClassId || rule.target == Target::kAttr) &&
        rule.weight >= o.article_body_boost)
      body = true;
  }
  return body;
}

// Some rule that fired for the block speaks against it.
bool Penalised(const Verdict& v, const Ruleset& rules) {
  return std::any_of(v.rules.begin(), v.rules.end(), [&](int r) { return SignedWeight(rules.rules()[r]) < 0; });
}

bool HeadlineLike(const Features& f, const LabelOptions& o) {
  return f.chars >= 12 && f.chars < o.list_line_chars && !f.terminal &&
         (f.title_case >= 0.5 || f.list_item || f.link_density > 0.5 || f.cjk);
}

// jusText's neighbour lookup: the class of the nearest block before/after i
// that is not short, not skipped (and not near-good when ignore_neargood);
// edges count as bad.
Class Neighbour(const std::vector<Class>& cls, const std::vector<char>& skip, std::size_t i, int step,
                bool ignore_neargood) {
  for (long j = static_cast<long>(i) + step; j >= 0 && j < static_cast<long>(cls.size()); j += step) {
    const Class c = cls[j];
    if (c == Class::kShort || skip[j]) continue;
    if (ignore_neargood && c == Class::kNearGood) continue;
    return c;
  }
  return Class::kBad;
}

// A short line that closes the article's run of text: at most
// signoff_distance blocks after good text, with only short or passed-over
// blocks between, under the same parent element, and not introducing
// anything (no final colon). A sign-off ("Euer Hans", "XX, Die Redaktion")
// that a bad block after it would otherwise take down.
bool ClosesRun(const Document& doc, const std::vector<Class>& cls, const std::vector<char>& skip, std::size_t i,
               const LabelOptions& o) {
  const Block& b = doc.blocks[i];
  if (b.element < 0 || b.text.empty() || b.text.back() == ':') return false;
  for (std::size_t j = i; j-- > 0 && i - j <= static_cast<std::size_t>(o.signoff_distance);) {
    if (cls[j] == Class::kGood || cls[j] == Class::kNearGood) {
      const int e = doc.blocks[j].element;
      return e >= 0 && doc.elements[e].parent == doc.elements[b.element].parent;
    }
    if (cls[j] != Class::kShort && !skip[j]) return false;
  }
  return false;
}

}  // namespace

void CutTrailingLists(const Document& doc, const std::vector<Features>& features, const Ruleset& rules,
                      const LabelOptions& o, std::vector<Verdict>* verdicts) {
  auto& v = *verdicts;
  const std::size_t n = doc.blocks.size();
  for (std::size_t i = 0; i < n; ++i) {
    int cut_rule = -1;
    if (!HasAction(v[i], rules, Action::kCut, &cut_rule)) continue;
    v[i].cls = Class::kBad;
    v[i].forced_by = cut_rule;
    v[i].why = "list heading";
    // In HTML the list lives in the heading's section: the run stops at the
    // first block outside the smallest ancestor that holds the next block.
    int scope = -1;
    if (doc.kind == InputKind::kHtml && i + 1 < n && doc.blocks[i].element >= 0) {
      scope = doc.elements[doc.blocks[i].element].parent;
      while (scope >= 0 && !IsWithin(doc, doc.blocks[i + 1].element, scope)) scope = doc.elements[scope].parent;
    }
    std::size_t j = i + 1;
    for (; j < n && IsListLine(features[j], o) && (scope < 0 || IsWithin(doc, doc.blocks[j].element, scope)); ++j) {
      if (v[j].forced_by >= 0 && rules.rules()[v[j].forced_by].action == Action::kKeep) break;
      v[j].cls = Class::kBad;
      v[j].forced_by = cut_rule;
      v[j].why = "in the list after block " + std::to_string(i);
    }
    i = j - 1;
  }
  // Unheaded runs of headline-like lines after the last good block.
  std::size_t last_good = n;
  for (std::size_t i = n; i-- > 0;)
    if (v[i].cls == Class::kGood) {
      last_good = i;
      break;
    }
  if (last_good == n) return;
  std::size_t run_start = last_good + 1;
  for (std::size_t i = last_good + 1; i <= n; ++i) {
    if (i < n && HeadlineLike(features[i], o)) continue;
    if (i - run_start >= static_cast<std::size_t>(o.min_list_run)) {
      for (std::size_t k = run_start; k < i; ++k) {
        if (v[k].forced_by >= 0) continue;
        v[k].cls = Class::kBad;
        v[k].why = "headline run after the body";
      }
    }
    run_start = i + 1;
  }
}

void SmoothWithContext(const Document& doc, const std::vector<Features>& features, const LabelOptions& o,
                       std::vector<Verdict>* verdicts) {
  auto& v = *verdicts;
  const std::size_t n = v.size();
  std::vector<Class> cls(n);
  for (std::size_t i = 0; i < n; ++i) cls[i] = v[i].cls;
  auto fixed = [&](std::size_t i) { return v[i].forced_by >= 0; };
  // Interjections say nothing of the text around them, so the neighbour
  // lookup passes over them: picture captions (a figure goes anywhere), and
  // a block a rule dropped between good text on both sides ("Read more:
  // ...", "Advertisement" between two paragraphs). Elsewhere a dropped block
  // ("Comments (38)" after the body) marks a boundary and counts.
  const std::vector<char> none(n);
  std::vector<char> skip(n);
  for (std::size_t i = 0; i < n; ++i)
    skip[i] = doc.blocks[i].kind == BlockKind::kCaption ||
              (fixed(i) && cls[i] == Class::kBad && Neighbour(cls, none, i, -1, true) == Class::kGood &&
               Neighbour(cls, none, i, +1, true) == Class::kGood);

  // Short headings followed closely by good text are near-good.
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.blocks[i].kind != BlockKind::kHeading || cls[i] != Class::kShort) continue;
    int distance = 0;
    for (std::size_t j = i + 1; j < n && distance <= o.heading_distance; ++j) {
      if (cls[j] == Class::kGood) {
        cls[i] = Class::kNearGood;
        break;
      }
      distance += features[j].chars;
    }
  }
  // Short blocks: decided by their neighbours.
  std::vector<Class> next = cls;
  for (std::size_t i = 0; i < n; ++i) {
    if (cls[i] != Class::kShort || fixed(i)) continue;
    const Class prev = Neighbour(cls, skip, i, -1, true), after = Neighbour(cls, skip, i, +1, true);
    if (prev == Class::kGood && after == Class::kGood) next[i] = Class::kGood;
    else if (prev == Class::kBad && after == Class::kBad) next[i] = Class::kBad;
    else if (prev == Class::kBad && Neighbour(cls, skip, i, -1, false) == Class::kNearGood) next[i] = Class::kGood;
    else if (after == Class::kBad && Neighbour(cls, skip, i, +1, false) == Class::kNearGood) next[i] = Class::kGood;
    else if (prev == Class::kGood && ClosesRun(doc, cls, skip, i, o)) next[i] = Class::kGood;
    else next[i] = Class::kBad;
    v[i].why = "context";
  }
  cls = next;
  // Near-good blocks: bad only between two bad neighbours.
  for (std::size_t i = 0; i < n; ++i) {
    if (cls[i] != Class::kNearGood || fixed(i)) continue;
    const Class prev = Neighbour(cls, skip, i, -1, true), after = Neighbour(cls, skip, i, +1, true);
    next[i] = (prev == Class::kBad && after == Class::kBad) ? Class::kBad : Class::kGood;
    v[i].why = "context";
  }
  cls = next;
  // Headings that were short and lost their context get one more look,
  // unless rules or the container spoke against them ("Newsletter", a
  // sidebar's title).
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.blocks[i].kind != BlockKind::kHeading || cls[i] != Class::kBad || fixed(i) ||
        v[i].initial == Class::kBad || v[i].score < o.heading_min_score)
      continue;
    int distance = 0;
    for (std::size_t j = i + 1; j < n && distance <= o.heading_distance; ++j) {
      if (cls[j] == Class::kGood) {
        cls[i] = Class::kGood;
        v[i].why = "heading before good text";
        break;
      }
      distance += features[j].chars;
    }
  }
  for (std::size_t i = 0; i < n; ++i) v[i].cls = cls[i];
}

void TrimTextHeader(const Document& doc, const std::vector<Features>& features, std::vector<Verdict>* verdicts) {
  if (doc.kind != InputKind::kText) return;
  auto& v = *verdicts;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].cls == Class::kGood && features[i].terminal) break;
    // A line of a thousand characters or more is no header, punctuated or
    // not (a long paragraph cut short by --max-bytes ends anywhere).
    if (!features[i].terminal && features[i].chars < 1000 && v[i].forced_by < 0) {
      v[i].cls = Class::kBad;
      v[i].why = "header line before the body";
    }
  }
}

void Decide(std::vector<Verdict>* verdicts) {
  for (Verdict& v : *verdicts) {
    v.keep = v.cls == Class::kGood || v.cls == Class::kNearGood;
    if (v.why.empty()) v.why = "score";
  }
}

void SeparateTitle(const Document& doc, std::vector<Verdict>* verdicts) {
  auto& v = *verdicts;
  const std::vector<std::string> title = Tokenize(doc.meta.title);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::kHeading || b.level != 1) continue;
    // Without a <title> the first h1 is the title; with one, the h1 must
    // share most of its words.
    bool is_title = title.empty();
    if (!is_title) {
      const std::vector<std::string> words = Tokenize(b.text);
      std::size_t shared = 0;
      for (const std::string& w : words) shared += std::find(title.begin(), title.end(), w) != title.end();
      is_title = !words.empty() && shared * 10 >= words.size() * 6;
    }
    if (!is_title) continue;
    v[i].keep = false;
    v[i].why = "header: the page title (metadata)";
    return;
  }
}

int TrimAfterContainer(const Document& doc, const std::vector<Features>& features, const Container& container,
                       const Ruleset& rules, const LabelOptions& o, std::vector<Verdict>* verdicts) {
  // A paragraph chosen as the container (with the sibling paragraphs that
  // joined it) says where the densest prose is, not where the article ends:
  // a recipe's ingredient list or a second section may follow it.
  if (container.top < 0 || doc.elements[container.top].tag == "p") return 0;
  auto& v = *verdicts;
  std::size_t end = 0;  // one past the container's last block
  for (std::size_t i = 0; i < v.size(); ++i)
    if (InContainer(doc, container, static_cast<int>(i))) end = i + 1;
  int dropped = 0;
  for (std::size_t i = v.size(); i-- > end;) {
    if (!v[i].keep) continue;
    if (features[i].chars >= o.tail_stop_chars) break;
    if (doc.blocks[i].kind != BlockKind::kTableCell && InArticleBody(v[i], rules, o)) continue;
    v[i].keep = false;
    v[i].why = "after the container's end";
    ++dropped;
  }
  return dropped;
}

int TrimTailBoxes(const Document& doc, const std::vector<Features>& features, const LabelOptions& o,
                  std::vector<Verdict>* verdicts) {
  if (doc.kind != InputKind::kHtml) return 0;
  auto& v = *verdicts;
  auto parent_of = [&](std::size_t i) {
    const int e = doc.blocks[i].element;
    return e < 0 ? -1 : doc.elements[e].parent;
  };
  // The body: the element whose child blocks hold most of the kept text.
  std::unordered_map<int, std::size_t> kept_by_parent;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].keep) continue;
    kept_by_parent[parent_of(i)] += features[i].chars;
    kept += features[i].chars;
  }
  int body = -1;
  std::size_t body_chars = 0;
  for (const auto& [parent, chars] : kept_by_parent)
    if (chars > body_chars) body = parent, body_chars = chars;
  if (body < 0 || body_chars < kept * o.tail_body_share) return 0;
  // Text straight in <body> (or an unclosed page) has no box of its own to
  // tell other boxes from.
  if (doc.elements[body].tag == "body" || doc.elements[body].tag == "html") return 0;
  std::size_t last = 0;  // the body's last kept paragraph
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].keep && parent_of(i) == body && doc.blocks[i].kind != BlockKind::kHeading) last = i;

  int dropped = 0;
  for (std::size_t i = last + 1; i < v.size(); ++i) {
    if (!v[i].keep) continue;
    const BlockKind kind = doc.blocks[i].kind;
    if (kind == BlockKind::kListItem || kind == BlockKind::kQuote || kind == BlockKind::kTableCell) continue;
    const int parent = parent_of(i);
    if (kind != BlockKind::kHeading) {
      // Shallower than the body: the page's own flow, not a box in the article.
      if (parent < 0 || doc.elements[parent].depth < doc.elements[body].depth) continue;
      // A box nested in the body may still be the article's (a section of
      // its own) when it holds a paragraph of tail_stop_chars or more.
      if (IsWithin(doc, parent, body) && (parent == body || features[i].chars >= o.tail_stop_chars)) continue;
    }
    v[i].keep = false;
    v[i].why = "after the body, in another box";
    ++dropped;
  }
  return dropped;
}

int KeepLede(const Document& doc, const std::vector<Features>& features, const Container& container,
             const LabelOptions& o, std::vector<Verdict>* verdicts) {
  if (container.top < 0) return 0;
  auto& v = *verdicts;
  std::size_t first = 0;  // the container's first block
  while (first < v.size() && !InContainer(doc, container, static_cast<int>(first))) ++first;
  int looked = 0, kept = 0;
  for (std::size_t i = first; i-- > 0 && looked < o.lede_blocks;) {
    if (features[i].chars < o.lede_min_chars) continue;
    ++looked;
    if (v[i].keep) break;
    const bool lede = v[i].initial == Class::kGood && features[i].link_density < o.lede_max_link_density &&
                      v[i].forced_by < 0 && v[i].score >= o.lede_min_score;
    if (!lede) break;
    v[i].keep = true;
    v[i].why = "lede: prose right above the container";
    ++kept;
  }
  return kept;
}

int KeepEmbeddedTables(const Document& doc, const std::vector<Features>& features, const Container& container,
                       const Ruleset& rules, const LabelOptions& o, std::vector<Verdict>* verdicts) {
  if (doc.kind != InputKind::kHtml || container.top < 0) return 0;
  auto& v = *verdicts;
  const std::size_t n = v.size();
  // The innermost table or list around each element; parents precede
  // their children in the element table, so one forward sweep finds it.
  std::vector<int> table_around(doc.elements.size(), -1);
  for (std::size_t e = 0; e < doc.elements.size(); ++e) {
    const std::string& tag = doc.elements[e].tag;
    const int parent = doc.elements[e].parent;
    table_around[e] = (tag == "table" || tag == "ul" || tag == "ol") ? static_cast<int>(e)
                      : parent >= 0                                   ? table_around[parent]
                                                                      : -1;
  }
  auto table_of = [&](std::size_t i) {
    const int e = doc.blocks[i].element;
    return e < 0 ? -1 : table_around[e];
  };
  int kept = 0;
  for (std::size_t i = 0; i < n;) {
    const int table = table_of(i);
    std::size_t end = i + 1;
    while (end < n && table >= 0 && table_of(end) == table) ++end;
    bool embedded = table >= 0 && i > 0 && end < n && v[i - 1].keep && v[end].keep;
    for (std::size_t j = i; embedded && j < end; ++j) embedded = InContainer(doc, container, static_cast<int>(j));
    for (std::size_t j = i; embedded && j < end; ++j) {
      if (v[j].keep || v[j].forced_by >= 0 || features[j].link_density > o.list_max_link_density) continue;
      if (Penalised(v[j], rules)) continue;
      v[j].keep = true;
      v[j].why = "in a table or list between kept text";
      ++kept;
    }
    i = end;
  }
  return kept;
}

int KeepDescribed(const Document& doc, const std::vector<Features>& features, const Ruleset& rules,
                  const LabelOptions& o, std::vector<Verdict>* verdicts) {
  const std::string& description = doc.meta.description;
  const std::size_t description_chars = CodePoints(description);
  if (description_chars < static_cast<std::size_t>(o.described_min_chars)) return 0;
  const std::vector<std::string> description_words = Tokenize(description);
  const std::unordered_set<std::string_view> described(description_words.begin(), description_words.end());
  if (description_words.empty()) return 0;
  auto& v = *verdicts;
  // Only above the end of the kept text: below it, a line that repeats the
  // story's title or summary is a comment heading or a teaser.
  std::size_t end = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].keep) end = i;
  // Of the words of block i, how many the description holds; and of the
  // description's words, how many block i holds.
  auto in_description = [&](const std::vector<std::string>& words) {
    std::size_t n = 0;
    for (const std::string& w : words) n += described.count(w);
    return n;
  };
  auto in_block = [&](const std::vector<std::string>& words) {
    const std::unordered_set<std::string_view> block(words.begin(), words.end());
    std::size_t n = 0;
    for (const std::string& w : description_words) n += block.count(w);
    return n;
  };
  const std::vector<std::string> site_words = Tokenize(doc.meta.site_name);
  const std::unordered_set<std::string_view> site(site_words.begin(), site_words.end());
  int kept = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const std::size_t chars = features[i].chars;
    if (v[i].keep || chars < static_cast<std::size_t>(o.described_short_chars)) continue;
    if (features[i].link_density > o.described_max_link_density) continue;  // a teaser linking elsewhere
    if (v[i].forced_by >= 0 && rules.rules()[v[i].forced_by].action != Action::kKeep) continue;
    if (v[i].why.rfind("header", 0) == 0) continue;
    const std::vector<std::string> words = Tokenize(doc.blocks[i].text);
    bool same = false;
    if (chars < static_cast<std::size_t>(o.described_min_chars)) {
      // A short line (a subtitle, a product's claim): every word of it, if
      // no rule penalised it (a caption) and it is not the site's name.
      const bool penalised = Penalised(v[i], rules);
      const bool site_name = std::all_of(words.begin(), words.end(), [&](const std::string& w) { return site.count(w); });
      same = !penalised && !site_name && words.size() >= static_cast<std::size_t>(o.described_short_words) &&
             in_description(words) == words.size();
    } else if (!words.empty()) {
      same = in_description(words) >= o.described_overlap * words.size() ||
             (chars <= 3 * description_chars + 100 &&
              in_block(words) >= o.described_overlap * description_words.size());
    }
    if (!same) continue;
    v[i].keep = true;
    v[i].why = "says what the page's description says";
    ++kept;
  }
  return kept;
}

bool GuardOverPruning(const Document& doc, const std::vector<Features>& features, const Container& container,
                      const LabelOptions& o, std::vector<Verdict>* verdicts) {
  if (container.top < 0) return false;
  auto& v = *verdicts;
  double kept = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].keep && InContainer(doc, container, static_cast<int>(i))) kept += features[i].chars;
  if (kept * o.prune_guard_ratio >= container.prose[container.top]) return false;
  bool changed = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].keep || v[i].forced_by >= 0 || !InContainer(doc, container, static_cast<int>(i))) continue;
    if (v[i].initial != Class::kGood && v[i].initial != Class::kNearGood) continue;
    v[i].keep = true;
    v[i].why = "guard: pruning removed most of the container's prose";
    changed = true;
  }
  return changed;
}

bool WidenIfThin(const Document& doc, const std::vector<Features>& features, const Container& container,
                 const Ruleset& rules, const LabelOptions& o, std::vector<Verdict>* verdicts) {
  auto& v = *verdicts;
  int kept = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].keep) kept += features[i].chars;
  if (kept >= o.thin_chars) return false;
  bool changed = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].keep || v[i].forced_by >= 0 || v[i].why.rfind("header", 0) == 0) continue;
    if (!InContainer(doc, container, static_cast<int>(i))) continue;
    if (features[i].link_density > 0.5) continue;
    if (Penalised(v[i], rules)) continue;
    if (features[i].chars < 20 && doc.blocks[i].kind != BlockKind::kHeading) continue;
    v[i].keep = true;
    v[i].why = "fallback: too little text kept, widened";
    changed = true;
  }
  return changed;
}

std::size_t KeptChars(const Document& doc, const std::vector<Verdict>& verdicts) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < verdicts.size(); ++i)
    if (verdicts[i].keep) kept += CodePoints(doc.blocks[i].text);
  return kept;
}

void DropKept(const std::string& why, std::vector<Verdict>* verdicts) {
  for (Verdict& v : *verdicts) {
    if (!v.keep) continue;
    v.keep = false;
    v.why = why;
  }
}

bool FallBackToMetadata(const LabelOptions& o, Document* doc, std::vector<Verdict>* verdicts) {
  auto& v = *verdicts;
  const std::size_t kept = KeptChars(*doc, v);
  if (kept >= static_cast<std::size_t>(o.thin_chars)) return false;
  // An articleBody with markup in it would need parsing of its own.
  const std::string& body = doc->meta.body;
  const bool body_usable = !body.empty() && body.find('<') == std::string::npos;
  const std::string& text = body_usable ? body : doc->meta.description;
  const std::size_t chars = CodePoints(text);
  if (chars < static_cast<std::size_t>(o.min_metadata_chars) || chars < o.metadata_ratio * kept) return false;
  DropKept("fallback: the page's metadata holds more text", &v);
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    Block b;
    b.text = std::string(rest.substr(0, end));
    b.tag_path = body_usable ? "json-ld>articleBody" : "meta>description";
    doc->blocks.push_back(std::move(b));
    Verdict verdict;
    verdict.initial = verdict.cls = Class::kGood;
    verdict.keep = true;
    verdict.why = body_usable ? "fallback: JSON-LD articleBody" : "fallback: meta description";
    v.push_back(std::move(verdict));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return true;
}

}  // namespace pith
