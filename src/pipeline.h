// pipeline: the whole cleaner as one call.
//
//   bytes -> Decode -> SniffInputKind -> PreScan + ParseHtml | ParseText
//         -> NormalizeText                                           (Document)
//         -> ComputeFeatures                                         (Features)
//         -> MatchRules -> ChooseContainer -> ScoreBlocks            (scores)
//         -> CutTrailingLists -> SmoothWithContext -> TrimTextHeader
//         -> Decide -> SeparateTitle -> TrimAfterContainer -> TrimTailBoxes
//         -> KeepLede -> GuardOverPruning -> WidenIfThin
//         -> FallBackToTemplate -> FallBackToMetadata                (labels)
//         -> FindInjectedPhrases                                     (repairs)
//
// The Result holds every intermediate, so the renderers (output/) and
// --explain read the same data the decisions were made from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "classify/container.h"
#include "classify/evidence.h"
#include "classify/label.h"
#include "classify/score.h"
#include "decode/decode.h"
#include "document/document.h"
#include "features/features.h"
#include "prescan/prescan.h"
#include "ruleset/ruleset.h"
#include "spam/injected.h"
#include "status.h"

namespace pith {

enum class InputMode { kAuto, kHtml, kText };

struct CleanOptions {
  InputMode input = InputMode::kAuto;  // --input: auto sniffs the markup
  DecodeOptions decode;                 // --encoding
  PreScanOptions prescan;               // depth cap and raw-text skipping before Gumbo
  ContainerOptions container;
  ScoreOptions score;                   // --favor lives in score.favor
  LabelOptions label;
  InjectionOptions injection;
  bool repair_injections = true;        // remove injected spam phrases from kept text
  bool template_fallback = true;        // FallBackToTemplate (off for the template's own cleaning)
  double timeout_seconds = 60;          // --timeout: time budget per document, checked between
                                        // stages and per block; 0 = no limit
};

struct Result {
  Status status;               // not ok: the document could not be read (binary, bad charset)
                               // or went over its time budget; the other fields are then partial
  InputKind kind = InputKind::kText;
  std::string kind_reason;
  std::string charset, charset_reason;
  std::string language;
  int depth_capped = 0;        // start tags the pre-scan dropped to bound nesting depth
  Document doc;
  std::vector<Features> features;
  Container container;
  std::vector<Verdict> verdicts;
  bool guarded = false;        // GuardOverPruning restored the container's prose
  bool widened = false;
  bool from_template = false;  // FallBackToTemplate replaced the text (blocks appended to doc)
  bool from_metadata = false;  // FallBackToMetadata replaced the text (blocks appended to doc)
  Injection injection;

  // The final text of block i ("" when dropped): repaired when needed.
  const std::string& BlockText(std::size_t i) const;
};

// Cleans one document. Thread-safe for concurrent calls sharing `rules`.
// A document over options.timeout_seconds fails with "time budget of N s
// exceeded in <stage>" (stages: decode, prescan, parse, language, features,
// rules, scores, labels, repair).
Result Clean(std::string_view bytes, const CleanOptions& options, const Ruleset& rules);

}  // namespace pith
