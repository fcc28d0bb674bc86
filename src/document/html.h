// html: HTML -> Document. The only translation unit that includes gumbo.h.
//
// Walks the parse tree iteratively (no recursion, so nesting depth cannot
// overflow the stack), drops what never holds article text (script, style,
// svg, forms controls, hidden elements...), and cuts the rest into blocks at
// block-level element boundaries. Also reads page metadata from <head>,
// OpenGraph/meta tags and JSON-LD. Cost: linear in the number of nodes.
#pragma once

#include <string_view>

#include "document/document.h"

namespace pith {

Document ParseHtml(std::string_view utf8);

// The attributes (lower-case names) ParseHtml reads. The pre-scan leaves the
// others out before Gumbo parses the page (prescan.h), so an attribute read
// in html.cc must be listed here.
inline constexpr std::string_view kHtmlAttributesRead[] = {
    "class", "id", "hidden", "aria-hidden", "style", "lang", "type", "datetime",  // elements
    "property", "name", "itemprop", "content", "http-equiv",                      // <meta>
    "role", "itemtype", "aria-label", "rel", "data-component", "data-testid",      // rule targets
};

}  // namespace pith
