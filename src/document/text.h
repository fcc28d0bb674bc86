// text: plain text (one paragraph per line) -> Document.
#pragma once

#include <string_view>

#include "document/document.h"

namespace pith {

// Every non-blank line becomes one block (whitespace collapsed). Lines that
// start with a bullet ("- ", "* ", "• ") are list items. Linear.
Document ParseText(std::string_view utf8);

}  // namespace pith
