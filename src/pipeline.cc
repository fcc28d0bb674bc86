#include "pipeline.h"

#include "document/html.h"
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

Result Clean(std::string_view bytes, const CleanOptions& options, const Ruleset& rules) {
  Result r;
  Decoded decoded = Decode(bytes, options.decode);
  if (!decoded.status.ok()) {
    r.status = decoded.status;
    return r;
  }
  r.charset = decoded.charset;
  r.charset_reason = decoded.reason;

  if (options.input == InputMode::kAuto) {
    Sniffed s = SniffInputKind(decoded.text);
    r.kind = s.kind;
    r.kind_reason = s.reason;
  } else {
    r.kind = options.input == InputMode::kHtml ? InputKind::kHtml : InputKind::kText;
    r.kind_reason = "forced by --input";
  }
  if (r.kind == InputKind::kHtml) {
    const PreScanned scanned = PreScan(decoded.text, options.prescan);
    r.depth_capped = scanned.depth_capped;
    r.doc = ParseHtml(scanned.html);
  } else {
    r.doc = ParseText(decoded.text);
  }

  const Stoplists& stoplists = Stoplists::Default();
  r.language = stoplists.Detect(r.doc);
  r.features = ComputeFeatures(r.doc, stoplists, r.language);

  const Evidence evidence = MatchRules(r.doc, rules);
  r.container = ChooseContainer(r.doc, r.features, evidence, rules, options.container);
  r.verdicts = ScoreBlocks(r.doc, r.features, evidence, r.container, rules, options.score);

  CutTrailingLists(r.doc, r.features, rules, options.label, &r.verdicts);
  SmoothWithContext(r.doc, r.features, options.label, &r.verdicts);
  TrimTextHeader(r.doc, r.features, &r.verdicts);
  Decide(&r.verdicts);
  SeparateTitle(r.doc, &r.verdicts);
  r.guarded = GuardOverPruning(r.doc, r.features, r.container, options.label, &r.verdicts);
  r.widened = WidenIfThin(r.doc, r.features, r.container, rules, options.label, &r.verdicts);

  if (options.repair_injections) {
    r.injection = FindInjectedPhrases(r.doc, r.verdicts, options.injection);
  } else {
    r.injection.title = r.doc.meta.title;
  }
  return r;
}

}  // namespace pith
