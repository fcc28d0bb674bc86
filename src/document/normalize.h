// normalize: the document's text in Unicode normalization form C.
#pragma once

#include <string>

#include "document/document.h"

namespace pith {

// Rewrites valid UTF-8 in normalization form C (composed characters, the
// form of the web and of most corpora), so one word has one spelling
// whatever the page's editor produced ("e" + U+0301 becomes "é"). Text that
// is already NFC is left untouched after a quick check. Linear.
void NormalizeNfc(std::string* text);

// Every block's text and every metadata field, in NFC. Only the text is
// normalised, not the markup, so the cost follows the text's size.
void NormalizeText(Document* doc);

}  // namespace pith
