// injected: finds spam brand phrases injected into a copied article and
// repairs the text, and strips such phrases and site-name suffixes from the
// title.
//
// The signals are positional and statistical, never word lists:
//   - a candidate is a segment of a header slot (title, breadcrumb, byline,
//     any header line that was dropped), split at separators such as ":" "|"
//     " - " ">" "»";
//   - it must recur across slots or be glued to the next word in the body
//     ("...CenterWhite House"), and
//   - its words must be foreign to the body: a phrase the article really
//     uses (the company it is about, a person it quotes) is never removed.
#pragma once

#include <string>
#include <vector>

#include "classify/score.h"
#include "deadline.h"
#include "document/document.h"

namespace pith {

struct InjectionOptions {
  int min_words = 2;          // shortest phrase (CJK: characters / 2)
  int max_words = 8;
  int max_body_uses = 1;      // a phrase used more often than this in kept text is real
  int glue_blocks = 2;        // opening paragraphs searched for a glued phrase without header evidence
};

struct Injection {
  std::vector<std::string> phrases;      // what was removed (also for --explain/json)
  std::vector<std::string> block_text;   // by block id: repaired text ("" = unchanged)
  std::string title;                     // cleaned title
  std::string site_suffix;               // a site name cut from the title, if any
  std::string date;                      // a date read from a dropped header line, if any
};

// `header_slots` are texts of dropped header blocks (breadcrumb, byline...).
// Each candidate phrase is checked against the whole body: once `deadline`
// has expired the search stops (the caller discards the result).
Injection FindInjectedPhrases(const Document& doc, const std::vector<Verdict>& verdicts,
                              const InjectionOptions& options, const Deadline& deadline = Deadline());

}  // namespace pith
