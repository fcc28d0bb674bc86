#include "pipeline.h"

#include <sstream>

#include "deadline.h"
#include "document/html.h"
#include "document/normalize.h"
#include "document/sniff.h"
#include "document/text.h"
#include "prescan/prescan.h"

namespace pith {

const std::string& Result::BlockText(std::size_t i) const {
  static const std::string kEmpty;
  if (!verdicts[i].keep) return kEmpty;
  if (!injection.block_text.empty() && !injection.block_text[i].empty()) return injection.block_text[i];
  return doc.blocks[i].text;
}

namespace {

// True, with the error in r->status, once the document's budget is spent.
bool OverBudget(const Deadline& deadline, double seconds, const char* stage, Result* r) {
  if (!deadline.Expired()) return false;
  std::ostringstream message;
  message << "time budget of " << seconds << " s exceeded in " << stage;
  r->status = Status::Error(message.str());
  return true;
}

// Some blog platforms ship the post as markup inside <script
// type="text/template"> and draw it with scripts, leaving the page itself
// all but empty. When fewer than thin_chars characters were kept, that
// markup is cleaned as a page of its own (without this fallback, so it
// cannot recurse), and its kept blocks replace the page's when they hold
// at least min_metadata_chars and metadata_ratio times the kept text.
bool FallBackToTemplate(const CleanOptions& options, const Ruleset& rules, const Deadline& deadline, Result* r) {
  const std::string& markup = r->doc.meta.template_markup;
  const LabelOptions& o = options.label;
  if (!options.template_fallback || markup.empty()) return false;
  const std::size_t kept = KeptChars(r->doc, r->verdicts);
  if (kept >= static_cast<std::size_t>(o.thin_chars)) return false;
  CleanOptions inner = options;
  inner.input = InputMode::kHtml;
  inner.template_fallback = false;
  inner.repair_injections = false;
  inner.timeout_seconds = deadline.Remaining();  // one budget for the page and its template
  const Result t = Clean(markup, inner, rules);
  const std::size_t chars = t.status.ok() ? KeptChars(t.doc, t.verdicts) : 0;
  if (chars < static_cast<std::size_t>(o.min_metadata_chars) || chars < o.metadata_ratio * kept) return false;
  DropKept("fallback: the page's script template holds more text", &r->verdicts);
  for (std::size_t i = 0; i < t.doc.blocks.size(); ++i) {
    if (!t.verdicts[i].keep) continue;
    Block b = t.doc.blocks[i];
    b.element = b.row = -1;  // the template's elements are not the page's
    b.tag_path = "script>" + b.tag_path;
    r->doc.blocks.push_back(std::move(b));
    Verdict v = t.verdicts[i];
    v.rules.clear();  // rule indices stay valid, but the hits were on the template
    v.why = "fallback: script template";
    r->verdicts.push_back(std::move(v));
  }
  return true;
}

}  // namespace

Result Clean(std::string_view bytes, const CleanOptions& options, const Ruleset& rules) {
  Result r;
  const Deadline deadline(options.timeout_seconds);
  const double budget = options.timeout_seconds;
  Decoded decoded = Decode(bytes, options.decode);
  if (!decoded.status.ok()) {
    r.status = decoded.status;
    return r;
  }
  r.charset = decoded.charset;
  r.charset_reason = decoded.reason;
  if (OverBudget(deadline, budget, "decode", &r)) return r;

  if (options.input == InputMode::kAuto) {
    Sniffed s = SniffInputKind(decoded.text);
    r.kind = s.kind;
    r.kind_reason = s.reason;
  } else {
    r.kind = options.input == InputMode::kHtml ? InputKind::kHtml : InputKind::kText;
    r.kind_reason = "forced by --input";
  }
  if (r.kind == InputKind::kHtml) {
    PreScanned scanned = PreScan(decoded.text, options.prescan);
    r.depth_capped = scanned.depth_capped;
    if (OverBudget(deadline, budget, "prescan", &r)) return r;
    r.doc = ParseHtml(scanned.html);
    r.doc.meta.template_markup = std::move(scanned.template_markup);
  } else {
    r.doc = ParseText(decoded.text);
  }
  NormalizeText(&r.doc);
  if (OverBudget(deadline, budget, "parse", &r)) return r;

  const Stoplists& stoplists = Stoplists::Default();
  r.language = stoplists.Detect(r.doc);
  if (OverBudget(deadline, budget, "language", &r)) return r;
  r.features = ComputeFeatures(r.doc, stoplists, r.language, deadline);
  if (OverBudget(deadline, budget, "features", &r)) return r;

  const Evidence evidence = MatchRules(r.doc, rules, deadline);
  if (OverBudget(deadline, budget, "rules", &r)) return r;
  r.container = ChooseContainer(r.doc, r.features, evidence, rules, options.container);
  r.verdicts = ScoreBlocks(r.doc, r.features, evidence, r.container, rules, options.score);
  if (OverBudget(deadline, budget, "scores", &r)) return r;

  CutTrailingLists(r.doc, r.features, rules, options.label, &r.verdicts);
  SmoothWithContext(r.doc, r.features, options.label, &r.verdicts);
  TrimTextHeader(r.doc, r.features, &r.verdicts);
  Decide(&r.verdicts);
  SeparateTitle(r.doc, &r.verdicts);
  TrimAfterContainer(r.doc, r.features, r.container, rules, options.label, &r.verdicts);
  TrimTailBoxes(r.doc, r.features, options.label, &r.verdicts);
  KeepLede(r.doc, r.features, r.container, options.label, &r.verdicts);
  KeepEmbeddedTables(r.doc, r.features, r.container, rules, options.label, &r.verdicts);
  KeepDescribed(r.doc, r.features, rules, options.label, &r.verdicts);
  r.guarded = GuardOverPruning(r.doc, r.features, r.container, options.label, &r.verdicts);
  r.widened = WidenIfThin(r.doc, r.features, r.container, rules, options.label, &r.verdicts);
  r.from_template = FallBackToTemplate(options, rules, deadline, &r);
  r.from_metadata = FallBackToMetadata(options.label, &r.doc, &r.verdicts);
  if (r.from_template || r.from_metadata) r.features = ComputeFeatures(r.doc, stoplists, r.language, deadline);
  if (OverBudget(deadline, budget, "labels", &r)) return r;

  if (options.repair_injections) {
    r.injection = FindInjectedPhrases(r.doc, r.verdicts, options.injection, deadline);
    if (OverBudget(deadline, budget, "repair", &r)) return r;
  } else {
    r.injection.title = r.doc.meta.title;
  }
  return r;
}

}  // namespace pith
