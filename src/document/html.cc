#include "document/html.h"

#include <gumbo.h>
#include <strings.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <unordered_set>
#include <vector>

#include "document/textutil.h"

namespace pith {
namespace {

// The memory of the parses one thread runs (Gumbo's allocator hooks). Gumbo
// makes some ten thousand small allocations per page and frees most of them
// again soon; through malloc that was a sixth of pith's instructions. Blocks
// are rounded up to a power of two, carved from large chunks, and a freed
// block goes on the free list of its size and is reused, so a parse holds
// about its peak live memory (at most twice, for the rounding). Blocks over
// kLargest bytes are malloc'ed one by one. Reset() drops a whole tree at
// once, so it needs no gumbo_destroy_output walk, and keeps up to kKept
// bytes of chunks for the next parse: memory the kernel has already mapped,
// where fresh chunks would page-fault again on every document.
class GumboPool {
 public:
  GumboPool() = default;
  GumboPool(const GumboPool&) = delete;
  GumboPool& operator=(const GumboPool&) = delete;
  ~GumboPool() {
    for (void* chunk : chunks_) std::free(chunk);
    for (void* block : large_) std::free(block);
  }

  void Use(GumboOptions* options) {
    options->allocator = [](void* pool, std::size_t size) { return static_cast<GumboPool*>(pool)->Allocate(size); };
    options->deallocator = [](void* pool, void* p) { static_cast<GumboPool*>(pool)->Free(p); };
    options->userdata = this;
  }

  // Frees every block; the first kKept bytes of chunks stay for reuse.
  void Reset() {
    for (void* block : large_) std::free(block);
    large_.clear();
    const std::size_t keep = std::min(chunks_.size(), kKept / kChunk);
    for (std::size_t i = keep; i < chunks_.size(); ++i) std::free(chunks_[i]);
    chunks_.resize(keep);
    std::fill(std::begin(free_), std::end(free_), nullptr);
    used_ = 0;
    next_ = nullptr;
    left_ = 0;
  }

 private:
  static constexpr std::size_t kHeader = 16;  // the block's size class; keeps payloads 16-aligned
  static constexpr int kClasses = 13;         // payloads of 16 << 0 .. 16 << 12 bytes
  static constexpr std::size_t kLargest = std::size_t{16} << (kClasses - 1);
  static constexpr std::size_t kChunk = 256 << 10;
  static constexpr std::size_t kKept = 16 << 20;
  static constexpr int kLarge = kClasses;

  void* Allocate(std::size_t size) {
    if (size > kLargest) {
      char* block = static_cast<char*>(std::malloc(kHeader + size));
      if (block == nullptr) std::abort();  // as Gumbo does when malloc fails
      *reinterpret_cast<int*>(block) = kLarge;
      large_.insert(block);
      return block + kHeader;
    }
    const int c = size <= 16 ? 0 : static_cast<int>(std::bit_width(size - 1)) - 4;
    if (void* p = free_[c]) {
      free_[c] = *static_cast<void**>(p);
      return p;
    }
    const std::size_t need = kHeader + (std::size_t{16} << c);
    if (left_ < need) NextChunk();
    char* block = next_;
    next_ += need;
    left_ -= need;
    *reinterpret_cast<int*>(block) = c;
    return block + kHeader;
  }

  void NextChunk() {
    if (used_ == chunks_.size()) {
      void* chunk = std::malloc(kChunk);
      if (chunk == nullptr) std::abort();
      chunks_.push_back(chunk);
    }
    next_ = static_cast<char*>(chunks_[used_++]);
    left_ = kChunk;
  }

  void Free(void* p) {
    if (p == nullptr) return;
    char* block = static_cast<char*>(p) - kHeader;
    const int c = *reinterpret_cast<int*>(block);
    if (c == kLarge) {
      large_.erase(block);
      std::free(block);
      return;
    }
    *static_cast<void**>(p) = free_[c];
    free_[c] = p;
  }

  std::vector<void*> chunks_;  // chunks_[0, used_) are carved by the current parse
  std::size_t used_ = 0;
  std::unordered_set<void*> large_;
  void* free_[kClasses] = {};
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_HEAD: case GUMBO_TAG_MAP:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_RT: case GUMBO_TAG_RP:  // ruby readings (furigana), not the text itself
      return true;
    default:
      return false;
  }
}

bool IsBlockLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

std::string TagName(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = ToLowerAscii(c);
  return name;
}

const char* Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerAscii(c);
  return out;
}

// The attributes an element's walk reads, found in one pass over its
// attributes (a gumbo_get_attribute per name was 13 passes per element).
// Names compare case-insensitively, as gumbo_get_attribute compares them.
constexpr const char* kRuleAttrs[] = {"role", "itemprop", "itemtype", "aria-label", "rel",
                                      "data-component", "data-testid", "type"};  // attr target, as "name=value"
constexpr int kRuleAttrCount = static_cast<int>(std::size(kRuleAttrs));
struct WalkAttrs {
  const char* hidden = nullptr;
  const char* aria_hidden = nullptr;
  const char* style = nullptr;
  const char* klass = nullptr;
  const char* id = nullptr;
  const char* rule[kRuleAttrCount] = {};  // values of kRuleAttrs
};

WalkAttrs ReadWalkAttrs(const GumboElement& el) {
  WalkAttrs w;
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    const char** slot = nullptr;
    if (strcasecmp(a->name, "class") == 0) slot = &w.klass;
    else if (strcasecmp(a->name, "id") == 0) slot = &w.id;
    else if (strcasecmp(a->name, "style") == 0) slot = &w.style;
    else if (strcasecmp(a->name, "hidden") == 0) slot = &w.hidden;
    else if (strcasecmp(a->name, "aria-hidden") == 0) slot = &w.aria_hidden;
    else
      for (int k = 0; k < kRuleAttrCount && slot == nullptr; ++k)
        if (strcasecmp(a->name, kRuleAttrs[k]) == 0) slot = &w.rule[k];
    if (slot != nullptr && *slot == nullptr) *slot = a->value;  // the first of a name, as gumbo_get_attribute
  }
  return w;
}

bool IsHidden(const WalkAttrs& a) {
  if (a.hidden) return true;
  if (a.aria_hidden && LowerAscii(a.aria_hidden) == "true") return true;
  if (a.style) {
    std::string s = LowerAscii(a.style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

BlockKind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return BlockKind::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return BlockKind::kListItem;
    case GUMBO_TAG_PRE:
      return BlockKind::kPre;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return BlockKind::kTableCell;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
      return BlockKind::kCaption;
    default:
      return BlockKind::kParagraph;
  }
}

// One open block-level element on the walk's stack.
struct Context {
  int element;
  GumboTag tag;
};

class Segmenter {
 public:
  Document Run(const GumboNode* root) {
    doc_.kind = InputKind::kHtml;
    ReadHead(root);
    Walk(root);
    Flush();
    return std::move(doc_);
  }

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    int element;      // index in doc_.elements
    bool block;       // block-level: flushes text on entry and exit
    bool link;        // an <a>
  };

  void Walk(const GumboNode* root) {
    std::vector<Frame> stack;
    Enter(root, &stack);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.next_child >= children.length) {
        Leave(f);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      switch (child->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
          Enter(child, &stack);
          break;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          AddText(child->v.text.text, child->type == GUMBO_NODE_WHITESPACE);
          break;
        default:
          break;
      }
    }
  }

  void Enter(const GumboNode* node, std::vector<Frame>* stack) {
    const GumboElement& el = node->v.element;
    if (IsSkipped(el.tag)) return;
    const WalkAttrs attrs = ReadWalkAttrs(el);
    if (IsHidden(attrs)) return;
    if (el.tag == GUMBO_TAG_BR) {
      if (!text_.empty() && text_.back() == ' ') text_.pop_back();
      if (!text_.empty() && text_.back() != '\n') text_.push_back('\n');
      return;
    }
    const bool block = IsBlockLevel(el.tag);
    if (block) Flush();
    Element e;
    e.tag = TagName(el);
    e.parent = stack->empty() ? -1 : stack->back().element;
    e.depth = stack->empty() ? 0 : doc_.elements[e.parent].depth + 1;
    if (attrs.klass) e.classid = LowerAscii(attrs.klass);
    if (attrs.id) {
      if (!e.classid.empty()) e.classid += ' ';
      e.classid += LowerAscii(attrs.id);
    }
    for (int k = 0; k < kRuleAttrCount; ++k)
      if (const char* v = attrs.rule[k]) e.attrs.push_back(std::string(kRuleAttrs[k]) + "=" + LowerAscii(v));
    const int index = static_cast<int>(doc_.elements.size());
    doc_.elements.push_back(std::move(e));
    const bool link = el.tag == GUMBO_TAG_A;
    if (link) ++link_depth_;
    if (block) contexts_.push_back({index, el.tag});
    if (el.tag == GUMBO_TAG_PRE) ++pre_depth_;
    if (el.tag == GUMBO_TAG_TR) rows_.push_back(index);
    ++tags_in_block_;
    stack->push_back({node, 0, index, block, link});
  }

  void Leave(const Frame& f) {
    const GumboElement& el = f.node->v.element;
    if (f.link) {
      --link_depth_;
      if (link_chars_started_) ++links_;
      link_chars_started_ = false;
    }
    if (f.block) {
      Flush();
      contexts_.pop_back();
    }
    if (el.tag == GUMBO_TAG_PRE) --pre_depth_;
    if (el.tag == GUMBO_TAG_TR && !rows_.empty()) rows_.pop_back();
  }

  void AddText(const char* raw, bool whitespace_only) {
    if (whitespace_only) {
      if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') text_.push_back(' ');
      return;
    }
    const std::size_t before = text_.size();
    if (pre_depth_ > 0) {
      text_ += raw;
    } else {
      AppendCollapsed(raw, &text_);
    }
    if (link_depth_ > 0) {
      // Count only what was appended: counting the whole block each time is
      // quadratic in a paragraph of many small text nodes.
      link_chars_ += CodePoints(std::string_view(text_).substr(std::min(before, text_.size())));
      link_chars_started_ = true;
    }
  }


  void Flush() {
    // Trim spaces and newlines at both ends. text_ keeps its buffer for the
    // next block.
    const std::size_t b = text_.find_first_not_of(" \n");
    if (b == std::string::npos || contexts_.empty()) {
      text_.clear();
      ResetCounters();
      return;
    }
    const std::size_t e = text_.find_last_not_of(" \n");
    Block block;
    block.text = text_.substr(b, e - b + 1);
    text_.clear();
    const Context& ctx = contexts_.back();
    block.element = ctx.element;
    block.kind = KindOf(ctx.tag);
    for (const Context& c : contexts_) {
      if (c.tag == GUMBO_TAG_BLOCKQUOTE && block.kind == BlockKind::kParagraph) block.kind = BlockKind::kQuote;
      if (c.tag == GUMBO_TAG_PRE) block.kind = BlockKind::kPre;
    }
    if (block.kind == BlockKind::kHeading) block.level = ctx.tag - GUMBO_TAG_H1 + 1;
    if (!rows_.empty()) block.row = rows_.back();
    block.link_chars = std::min(link_chars_, CodePoints(block.text));
    block.links = links_ + (link_chars_started_ ? 1 : 0);
    block.tags = tags_in_block_;
    block.tag_path = TagPath(ctx.element);
    doc_.blocks.push_back(std::move(block));
    ResetCounters();
  }

  void ResetCounters() {
    link_chars_ = 0;
    links_ = 0;
    tags_in_block_ = 0;
  }

  std::string TagPath(int element) {
    chain_.clear();
    std::size_t length = 0;
    for (int i = element; i >= 0 && chain_.size() < 64; i = doc_.elements[i].parent) {
      chain_.push_back(i);
      length += doc_.elements[i].tag.size() + 1;
    }
    std::string path;
    path.reserve(length);
    for (auto it = chain_.rbegin(); it != chain_.rend(); ++it) {
      if (!path.empty()) path += '>';
      path += doc_.elements[*it].tag;
    }
    return path;
  }

  // --- metadata -------------------------------------------------------------

  void ReadHead(const GumboNode* root) {
    if (const char* lang = Attr(root->v.element, "lang")) doc_.meta.language = LowerAscii(lang);
    // Metadata lives in <head> but broken pages put it anywhere: scan all
    // elements once, iteratively.
    std::vector<const GumboNode*> stack{root};
    std::string og_title, h1;
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& el = n->v.element;
      switch (el.tag) {
        case GUMBO_TAG_TITLE:
          if (doc_.meta.title.empty()) doc_.meta.title = NodeText(n);
          break;
        case GUMBO_TAG_META:
          ReadMeta(el, &og_title);
          break;
        case GUMBO_TAG_SCRIPT:
          if (const char* type = Attr(el, "type"); type && LowerAscii(type) == "application/ld+json")
            ReadJsonLd(NodeText(n));
          continue;
        case GUMBO_TAG_H1:
          if (h1.empty()) h1 = NodeText(n);
          break;
        case GUMBO_TAG_TIME:
          if (doc_.meta.date.empty())
            if (const char* dt = Attr(el, "datetime")) doc_.meta.date = dt;
          break;
        default:
          break;
      }
      for (unsigned i = el.children.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(el.children.data[i]));
    }
    if (!og_title.empty()) doc_.meta.title = og_title;
    if (doc_.meta.title.empty()) doc_.meta.title = h1;
  }

  void ReadMeta(const GumboElement& el, std::string* og_title) {
    const char* key = Attr(el, "property");
    if (!key) key = Attr(el, "name");
    if (!key) key = Attr(el, "itemprop");
    const char* content = Attr(el, "content");
    if (const char* http = Attr(el, "http-equiv"); http && content &&
        LowerAscii(http) == "content-language" && doc_.meta.language.empty())
      doc_.meta.language = LowerAscii(content);
    if (!key || !content) return;
    const std::string k = LowerAscii(key);
    const std::string v = CollapseWhitespace(content);
    if (v.empty()) return;
    auto set = [&](std::string* field) {
      if (field->empty()) *field = v;
    };
    if (k == "og:title" || k == "twitter:title") set(og_title);
    else if (k == "og:site_name" || k == "application-name") set(&doc_.meta.site_name);
    else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "sailthru.author") {
      if (v.rfind("http", 0) != 0) set(&doc_.meta.author);
    } else if (k == "article:published_time" || k == "date" || k == "dc.date" || k == "pubdate" ||
               k == "datepublished" || k == "og:published_time" || k == "dc.date.issued")
      set(&doc_.meta.date);
    else if (k == "description" || k == "og:description" || k == "twitter:description") {
      // Sites fill them unevenly (a teaser in one, the standfirst in
      // another): the longest says most.
      if (v.size() > doc_.meta.description.size()) doc_.meta.description = v;
    }
    else if (k == "keywords" || k == "news_keywords") set(&doc_.meta.keywords);
    else if (k == "og:locale" || k == "language" || k == "dc.language")
      if (doc_.meta.language.empty()) doc_.meta.language = LowerAscii(v);
  }

  void ReadJsonLd(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return;
    // Visit objects iteratively: JSON-LD nests @graph arrays and objects.
    std::vector<const nlohmann::json*> stack{&json};
    while (!stack.empty()) {
      const nlohmann::json* j = stack.back();
      stack.pop_back();
      if (j->is_array()) {
        for (const auto& item : *j) stack.push_back(&item);
        continue;
      }
      if (!j->is_object()) continue;
      auto str = [&](const char* key) -> std::string {
        auto it = j->find(key);
        if (it == j->end()) return "";
        if (it->is_string()) return it->get<std::string>();
        if (it->is_object() && it->contains("name") && (*it)["name"].is_string())
          return (*it)["name"].get<std::string>();
        if (it->is_array() && !it->empty()) {
          const auto& first = (*it)[0];
          if (first.is_string()) return first.get<std::string>();
          if (first.is_object() && first.contains("name") && first["name"].is_string())
            return first["name"].get<std::string>();
        }
        return "";
      };
      if (doc_.meta.author.empty()) doc_.meta.author = CollapseWhitespace(str("author"));
      if (doc_.meta.date.empty()) doc_.meta.date = str("datePublished");
      if (doc_.meta.site_name.empty()) doc_.meta.site_name = CollapseWhitespace(str("publisher"));
      if (auto it = j->find("articleBody"); it != j->end() && it->is_string()) {
        std::string body = CollapseLines(it->get<std::string>());
        if (body.size() > doc_.meta.body.size()) doc_.meta.body = std::move(body);
      }
      if (auto it = j->find("@graph"); it != j->end()) stack.push_back(&*it);
    }
  }

  static std::string NodeText(const GumboNode* node) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty() && out.size() < 100000) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        out += n->v.text.text;
        out += ' ';
      } else if (n->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
      }
    }
    // Script bodies (JSON-LD) must keep their exact text.
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_SCRIPT) return out;
    return CollapseWhitespace(out);
  }

  Document doc_;
  std::vector<Context> contexts_;
  std::vector<int> rows_;
  std::string text_;
  std::vector<int> chain_;  // TagPath's element chain, kept for its buffer
  std::size_t link_chars_ = 0;
  bool link_chars_started_ = false;
  int links_ = 0;
  int link_depth_ = 0;
  int pre_depth_ = 0;  // open <pre> elements: their text keeps its spacing
  int tags_in_block_ = 0;
};

}  // namespace

Document ParseHtml(std::string_view utf8) {
  // One pool per thread, reused by every page the thread parses: its chunks
  // stay mapped between documents (at most kKept bytes per thread).
  thread_local GumboPool pool;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; do not collect them
  pool.Use(&options);
  const GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  Document doc = Segmenter().Run(output->root);
  pool.Reset();
  return doc;
}

}  // namespace pith
