// injected: finds spam brand phrases injected into a copied article and
// repairs the text, and strips such phrases and site-name suffixes from the
// title.
//
// The signals are positional and statistical, never word lists:
//   - a candidate is a segment of a header slot (title, breadcrumb, byline,
//     any header line that was dropped), split at separators such as ":" "|"
//     " - " ">" "»"; the title's headline (its longest part) never is one;
//   - it must recur across slots or be glued to a neighbouring word in the
//     body ("...CenterWhite House"; in CJK text any neighbour), and
//   - its words must be foreign to the body: a phrase the article really
//     uses (the company it is about, a person it quotes) is never removed.
// The header may spell a phrase otherwise than the text: full-width Latin
// letters and digits match their ASCII forms, and a space beside a CJK
// character is optional; what is removed is the text's own spelling. In
// plain text the title is the header line sharing the most words with the
// article after its first paragraph (a "Source: <Brand>" line shares none).
// Without header evidence, the opening paragraphs are searched for
//   - a run of capitalised words glued to the next word by a lower->Upper
//     join, every word plain and used nowhere else in the body; the shorter
//     the word part before the join, the more words it takes ("McDonald" is
//     never glue, "HubArenales" only after four foreign words), and
//   - a run of capitalised Latin words written into CJK prose with no space
//     on either side, foreign to the body and the title.
// CJK phrases inside CJK prose are only found with header evidence: without
// spaces or case there is no glue to see, and the text alone does not tell
// an injected name from the article's own (character n-gram novelty and
// "the sentence reads on without it" both fire on ordinary CJK sentences).
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
  int short_glue_words = 4;   // foreign words needed before a join after only three letters ("HubArenales")
  int embedded_words = 3;     // capitalised Latin words needed for a run written into CJK prose
};

struct Injection {
  std::vector<std::string> phrases;      // what was removed from text or title (also for --explain/json)
  std::vector<std::string> block_text;   // by block id: repaired text ("" = unchanged)
  std::string title;                     // cleaned title
  std::string site_suffix;               // a site name cut from the title, if any
  std::string date;                      // a date read from a dropped header line, if any
};

// The slots are the title and the dropped blocks before the first kept one.
// `phrases` lists only what was removed from the kept text or the title.
// Each candidate phrase is checked against the whole body: once `deadline`
// has expired the search stops (the caller discards the result).
Injection FindInjectedPhrases(const Document& doc, const std::vector<Verdict>& verdicts,
                              const InjectionOptions& options, const Deadline& deadline = Deadline());

}  // namespace pith
