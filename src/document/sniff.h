// sniff: decides whether a decoded document is HTML or plain text.
#pragma once

#include <string>
#include <string_view>

#include "document/document.h"

namespace pith {

struct Sniffed {
  InputKind kind;
  std::string reason;  // shown by --explain, e.g. "starts with <!doctype"
};

// Looks at the first 4 KiB: a leading doctype/<html>/comment, or at least
// two common HTML tags, means HTML. Cost: bounded, independent of size.
Sniffed SniffInputKind(std::string_view utf8);

}  // namespace pith
