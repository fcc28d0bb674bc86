// label: turns scored blocks into keep/drop decisions. Each function is one
// named stage of the pipeline and can be tested alone:
//   CutTrailingLists  -> a "Related"/"Most read" heading and the run of short
//                        headline lines after it go (boilerpipe's terminating
//                        blocks, generalised by the `cut` rules)
//   SmoothWithContext -> short and near-good blocks take their neighbours'
//                        labels (jusText's revision pass)
//   TrimTextHeader    -> in plain text, unpunctuated lines before the body
//                        (breadcrumb, title, byline, date) go
//   Decide            -> good blocks are kept
//   SeparateTitle     -> the page's own title heading (h1 matching <title>)
//                        leaves the body: it is metadata, not article text
//   TrimAfterContainer-> kept blocks past the container's end go (author
//                        boxes, teasers, comment prompts)
//   TrimTailBoxes     -> kept blocks after the body's last paragraph in other
//                        boxes go (bios, appeals, share questions)
//   KeepLede          -> the standfirst right above the container stays
//   KeepEmbeddedTables-> a table or list between kept blocks stays whole
//   KeepDescribed     -> what the meta description says stays (the lede)
//   GuardOverPruning  -> the container's own prose was mostly pruned: keep it
//   WidenIfThin       -> fallback: too little kept, retry in recall mode
//   FallBackToMetadata-> still too little: the page is drawn by scripts and
//                        its text lives only in JSON-LD or the description
#pragma once

#include <string>
#include <vector>

#include "classify/container.h"
#include "classify/score.h"
#include "document/document.h"
#include "features/features.h"
#include "ruleset/ruleset.h"

namespace pith {

struct LabelOptions {
  int heading_distance = 200;  // chars within which a heading must meet good text
  double heading_min_score = -0.5;  // headings scored below this (penalised, or outside the container) are not rescued by the text after them
  int list_line_chars = 160;   // lines of a trailing list are shorter than this
  int min_list_run = 4;        // unheaded runs of headline-like lines at the tail
  int signoff_distance = 2;    // a short closing line this many blocks after good text, same parent: kept
  int thin_chars = 250;        // fewer kept characters than this: widen
  double metadata_ratio = 1.5;  // metadata text this many times longer than a thin result replaces it
  int min_metadata_chars = 100;  // ...and has at least this many characters
  double prune_guard_ratio = 7;  // kept < container prose / ratio: restore the container's prose
  int tail_stop_chars = 300;   // a kept block this long past the container's end stops the trim
  double article_body_boost = 3;  // TrimAfterContainer spares blocks in elements boosted this much
  double tail_body_share = 0.5;  // TrimTailBoxes: the body holds at least this share of the kept text
  int lede_blocks = 2;         // blocks of lede_min_chars or more looked at above the container
  int lede_min_chars = 100;
  double lede_min_score = -2;  // a lede may carry "header"-class penalties, not nav/modal ones
  double lede_max_link_density = 0.1;
  double list_max_link_density = 0.5;  // KeepEmbeddedTables: cells up to this link density
  int described_min_chars = 60;     // KeepDescribed: blocks and descriptions this long...
  double described_overlap = 0.8;   // ...sharing this share of words
  double described_max_link_density = 0.5;  // ...and not a link to elsewhere
  int described_short_chars = 15;   // shorter blocks: kept when all of their words,
  int described_short_words = 3;    // at least this many, are in the description
};

void CutTrailingLists(const Document& doc, const std::vector<Features>& features, const Ruleset& rules,
                      const LabelOptions& options, std::vector<Verdict>* verdicts);

void SmoothWithContext(const Document& doc, const std::vector<Features>& features,
                       const LabelOptions& options, std::vector<Verdict>* verdicts);

void TrimTextHeader(const Document& doc, const std::vector<Features>& features, std::vector<Verdict>* verdicts);

void Decide(std::vector<Verdict>* verdicts);

void SeparateTitle(const Document& doc, std::vector<Verdict>* verdicts);

// Blocks kept after the last block of the container (and its regions) are
// mostly what follows an article (an author box, teasers of other stories, a
// prompt to comment): on trafilatura-dev two in three of them are
// boilerplate, against one in twenty of the kept blocks before. From the
// end of the page back, they are dropped until a block of tail_stop_chars
// or more, which says the article really goes on there. Spared: blocks of an
// element that names itself the article body (a class/id or attribute boost
// of article_body_boost or more) that no rule penalised, such as a recipe's
// steps below the chosen container. Nothing is trimmed when the container
// is a paragraph: it marks the densest prose, not the article's end.
// Returns the number dropped.
int TrimAfterContainer(const Document& doc, const std::vector<Features>& features, const Container& container,
                       const Ruleset& rules, const LabelOptions& options, std::vector<Verdict>* verdicts);

// The article's paragraphs share one parent element (the body); what is
// kept after the body's last paragraph in another box is mostly an author
// bio, a newsletter or support appeal, a "share this" question, a teaser.
// When the body holds at least tail_body_share of the kept text, every kept
// block after its last paragraph goes if it is a heading, or sits outside
// the body, or in a box nested in the body and is shorter than
// tail_stop_chars. Spared: list items, quotes and table cells (an article's
// closing list or quote), and blocks shallower than the body (the page's own
// flow). HTML only. Returns the number dropped.
int TrimTailBoxes(const Document& doc, const std::vector<Features>& features, const LabelOptions& options,
                  std::vector<Verdict>* verdicts);

// An article's standfirst often sits in a header element above the body,
// where "header" classes and the outside-the-container penalty drop it.
// Walking up from the container's first block over the lede_blocks blocks
// of lede_min_chars or more: each that reads as good prose on its own, with
// almost no links, no drop/cut rule and a score of at least lede_min_score
// is kept; the walk stops at a kept block or at one that fails. Returns the
// number kept.
int KeepLede(const Document& doc, const std::vector<Features>& features, const Container& container,
             const LabelOptions& options, std::vector<Verdict>* verdicts);

// A table or list (the innermost <table>, <ul> or <ol> around a run of
// blocks) that lies inside the container, between two kept blocks, belongs
// to the article: its cells are data ("3.3 GB/s", "1,6"), too short for the
// neighbour lookup, which a single link-like cell ("twitter" as a project
// name) would otherwise take down with it. Its blocks that no rule
// penalised or dropped and that are not links (link density up to
// list_max_link_density) are kept. Returns the number kept.
int KeepEmbeddedTables(const Document& doc, const std::vector<Features>& features, const Container& container,
                       const Ruleset& rules, const LabelOptions& options, std::vector<Verdict>* verdicts);

// The page's meta description is most often the article's standfirst or
// first paragraph, written by the same hand. A block of described_min_chars
// or more that says the same (described_overlap of its words are in the
// description, or, for a block up to three times as long, of the
// description's words are in the block), or a shorter line of
// described_short_words or more words that are all in the description
// (a subtitle, a product's claims; not a penalised line such as a caption,
// nor the site's name), is the lede, wherever the container
// put it: kept, unless it lies below the last kept block (a comment
// heading or a teaser repeating the story's summary), is mostly a link, was
// taken out by a drop or cut rule, or is the page's title or text header.
// Returns the number kept.
int KeepDescribed(const Document& doc, const std::vector<Features>& features, const Ruleset& rules,
                  const LabelOptions& options, std::vector<Verdict>* verdicts);

// When the kept text is under 1/prune_guard_ratio of the prose the chosen
// container holds, penalties went too far (a class name like "comment" on
// the article wrapper): every prose block of the container that no drop/cut
// rule removed is kept again. Returns true when it restored anything.
bool GuardOverPruning(const Document& doc, const std::vector<Features>& features, const Container& container,
                      const LabelOptions& options, std::vector<Verdict>* verdicts);

// Returns true when it widened. Keeps every block of the container that no
// rule penalised and that is not a link list.
bool WidenIfThin(const Document& doc, const std::vector<Features>& features, const Container& container,
                 const Ruleset& rules, const LabelOptions& options, std::vector<Verdict>* verdicts);

// The kept text's length in characters (code points).
std::size_t KeptChars(const Document& doc, const std::vector<Verdict>& verdicts);

// Drops every kept block, giving `why` as the reason (a fallback replaces them).
void DropKept(const std::string& why, std::vector<Verdict>* verdicts);

// When fewer than thin_chars characters are still kept and the page's
// metadata holds a longer text (JSON-LD articleBody, else the meta
// description, metadata_ratio times longer and at least min_metadata_chars),
// the page is drawn by scripts and what was kept is the static shell's
// leftovers (a cookie notice, a "browser too old" banner): the metadata text
// replaces it, appended to doc as one paragraph block per line. The caller
// must recompute the features. Returns true when it replaced.
bool FallBackToMetadata(const LabelOptions& options, Document* doc, std::vector<Verdict>* verdicts);

}  // namespace pith
