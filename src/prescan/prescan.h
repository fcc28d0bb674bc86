// prescan: decoded UTF-8 HTML -> the same HTML, cheaper and safer to parse.
//
// Runs on the decoded text before Gumbo sees it. It follows the HTML
// tokenizer (tags with quoted attributes, comments, raw-text and RCDATA
// elements, the script-data escape states) and a model of the tree builder's
// stack of open elements (void elements, implied end tags, element scope,
// table modes, foreign content, reconstruction of formatting elements), and
// with that:
//   - bounds the nesting depth. Gumbo's cost grows with the square of the
//     depth (30,000 nested <div> take seconds); browsers cap it too.
//     Once max_depth elements are open, further start tags and their end tags
//     are dropped while their text is kept, so the article after deep junk
//     survives. Void elements are kept (they never nest). Formatting elements
//     (b, i, font...) left open are re-created by the parser at every new
//     paragraph; at most 16 of them are kept open at a time.
//   - drops what pith never reads: comments and the content of script (but
//     not JSON-LD, which the metadata reader parses), style, noscript,
//     template, svg, math, iframe, object, canvas and textarea. Where a
//     dropped element ends is decided as the parser would decide it (a stray
//     </div> inside <canvas> closes it; <svg><p> leaves the svg).
//   - leaves out the attributes pith never reads (href, src, srcset, data-*,
//     on*...: about a third of the bytes left after the above), keeping
//     those ParseHtml reads (kHtmlAttributesRead) and those the parser's
//     tree building reads: every attribute of formatting elements other
//     than a (b, font...: the parser compares them to decide which to
//     re-create; a new <a> closes the open one, so no two are ever compared)
//     and of isindex (made into content), input's type and annotation-xml's
//     encoding.
//   - keeps the first character of each run of whitespace in text outside
//     <pre> and <listing> (indentation is an eighth of what is left): pith
//     collapses whitespace itself and the tree builder only asks whether a
//     character is whitespace.
//   - replaces attribute values longer than max_attribute_bytes with "".
// Everything else is copied byte for byte, so a page parses to the same text
// blocks and the same metadata. Cuts fall on ASCII bytes, so UTF-8 in is UTF-8 out.
// No recursion; time linear in the input; memory linear in the input (the
// model keeps one small entry per open element).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pith {

struct PreScanOptions {
  int max_depth = 256;                           // open elements kept at most (the parser may add a
                                                 // few: tbody, tr, re-created <b>...); <= 0: no cap
  bool strip_raw_text = true;                    // drop comments, scripts, styles, svg... (see above)
  bool drop_unread_attributes = true;            // leave out attributes pith never reads (see above)
  bool collapse_whitespace = true;               // runs of whitespace in text become one character (see above)
  std::size_t max_attribute_bytes = 64 * 1024;   // longer attribute values become ""
};

struct PreScanned {
  std::string html;               // the input minus what was dropped
  int depth_capped = 0;           // start tags dropped for depth
  std::size_t bytes_skipped = 0;  // input bytes not copied to html
  std::string template_markup;    // the longest <script type="text/template"> body: markup that some
                                  // pages draw with scripts (read by the pipeline's template fallback)
};

PreScanned PreScan(std::string_view html, const PreScanOptions& options);

}  // namespace pith
