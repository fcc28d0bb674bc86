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

}  // namespace pith
