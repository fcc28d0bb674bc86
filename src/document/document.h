// Document: pith's own representation of a page after parsing. Everything
// after segmentation works on these types; Gumbo never leaks past
// document/html.cc.
//
// A Document is a flat list of Blocks (paragraph-sized units, in reading
// order) plus, for HTML, the table of Elements the blocks sit in. Blocks point
// to their innermost element by index; elements point to their parent, so
// every "ancestor" question is a walk up an index chain.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pith {

enum class InputKind { kHtml, kText };

// One HTML element that holds at least one block (directly or below it).
struct Element {
  std::string tag;                 // lower-case tag name ("div", "article")
  int parent = -1;                 // index into Document::elements, -1 = root
  int depth = 0;                   // 0 for <html>/<body>'s top element
  std::string classid;             // class and id tokens, lower-case, space-joined
  std::vector<std::string> attrs;  // "name=value" for the attributes rules may target
};

// The structural role of a block, used by scoring and by the markdown/html
// renderers.
enum class BlockKind : std::uint8_t {
  kParagraph,
  kHeading,    // h1-h6 (level in Block::level)
  kListItem,   // li, dt, dd, or a "- " / "* " bulleted text line
  kPre,        // pre / code block
  kQuote,      // inside blockquote
  kTableCell,  // td / th
  kCaption,    // figcaption / caption
};

struct Block {
  std::string text;          // whitespace-collapsed; '\n' only where <br> was
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;             // heading level 1-6, 0 otherwise
  int element = -1;          // innermost element holding the text (HTML)
  int row = -1;              // table row element (for markdown tables), -1 if none
  std::string tag_path;      // "body>div>article>p" (HTML) or "line" (text)
  std::size_t link_chars = 0;  // characters inside <a> (HTML)
  int links = 0;             // number of <a> elements contributing text
  int tags = 0;              // element count inside the block (text density)
  int line = 0;              // 1-based source line (text mode)
};

// Page metadata found in the markup (or, in text mode, in header lines).
struct Metadata {
  std::string title;
  std::string author;
  std::string date;
  std::string site_name;
  std::string language;     // from lang attributes or meta tags; may be empty
  std::string description;  // <meta name="description"> / og:description
  std::string body;         // the longest JSON-LD articleBody/text of the page, whitespace-collapsed
  std::string keywords;     // <meta name="keywords">, as written
  std::string template_markup;  // the longest <script type="text/template"> body (markup a script draws)
};

struct Document {
  InputKind kind = InputKind::kText;
  std::vector<Element> elements;  // empty for text input
  std::vector<Block> blocks;
  Metadata meta;
};

}  // namespace pith
