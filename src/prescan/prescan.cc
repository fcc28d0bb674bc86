#include "prescan/prescan.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/html.h"

namespace pith {
namespace {

// Element names the rules refer to; the order matches kTagNames.
enum Tag : int {
  kA, kAddress, kAnnotationXml, kApplet, kArea, kArticle, kAside, kB, kBase, kBasefont,
  kBgsound, kBig, kBlockquote, kBody, kBr, kButton, kCanvas, kCaption, kCenter, kCode,
  kCol, kColgroup, kDd, kDesc, kDetails, kDialog, kDir, kDiv, kDl, kDt,
  kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFont, kFooter, kForeignObject, kForm, kFrame,
  kFrameset, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHgroup,
  kHr, kHtml, kI, kIframe, kImage, kImg, kInput, kIsindex, kKeygen, kLi, kLink,
  kListing, kMain, kMalignmark, kMarquee, kMath, kMenu, kMenuitem, kMeta, kMglyph, kMi, kMn,
  kMo, kMs, kMtext, kNav, kNobr, kNoembed, kNoframes, kNoscript, kObject, kOl,
  kOptgroup, kOption, kP, kParam, kPlaintext, kPre, kRuby, kS, kScript, kSearch,
  kSection, kSelect, kSmall, kSource, kSpan, kStrike, kStrong, kStyle, kSub, kSummary,
  kSup, kSvg, kTable, kTbody, kTd, kTemplate, kTextarea, kTfoot, kTh, kThead,
  kTitle, kTr, kTrack, kTt, kU, kUl, kVar, kWbr, kXmp,
  kKnownTags
};

constexpr const char* kTagNames[kKnownTags] = {
  "a", "address", "annotation-xml", "applet", "area", "article", "aside", "b", "base", "basefont",
  "bgsound", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "code",
  "col", "colgroup", "dd", "desc", "details", "dialog", "dir", "div", "dl", "dt",
  "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "foreignobject", "form", "frame",
  "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
  "hr", "html", "i", "iframe", "image", "img", "input", "isindex", "keygen", "li", "link",
  "listing", "main", "malignmark", "marquee", "math", "menu", "menuitem", "meta", "mglyph", "mi", "mn",
  "mo", "ms", "mtext", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol",
  "optgroup", "option", "p", "param", "plaintext", "pre", "ruby", "s", "script", "search",
  "section", "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary",
  "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
  "title", "tr", "track", "tt", "u", "ul", "var", "wbr", "xmp",
};

// Properties of HTML elements, from the lists of the HTML parsing spec as
// Gumbo 0.10.1 (the parser pith links) implements them; where it departs
// from the spec, the model follows Gumbo, since the point is that Gumbo
// builds the same tree from the output as from the input.
enum Prop : std::uint32_t {
  kVoid = 1u << 0,          // never has content or an end tag
  kSpecial = 1u << 1,       // the spec's "special" category
  kScope = 1u << 2,         // bounds "has an element in scope"
  kTableScope = 1u << 3,    // bounds "has an element in table scope"
  kTableContext = 1u << 4,  // decides the insertion mode (table, row, cell, select...)
  kHeading = 1u << 5,       // h1-h6
  kClosesP = 1u << 6,       // a start tag that closes an open <p>
  kFormatting = 1u << 7,    // kept in the list of active formatting elements
  kMarker = 1u << 8,        // pushes a marker on that list
  kBreakout = 1u << 9,      // leaves svg / math content
  kReconstructs = 1u << 10, // re-creates formatting elements before it is inserted
  kInHead = 1u << 11,       // may appear in <head> without ending it
  kInHeadNoscript = 1u << 12,  // may appear in <noscript> inside <head>
  kTablePart = 1u << 13,    // caption, col, colgroup, tbody, td, tfoot, th, thead, tr
  kBlockEnd = 1u << 14,     // an end tag that closes the element when in scope
  kParserKnown = 1u << 15,  // a name Gumbo knows (it has a GumboTag for it)
};

using Props = std::array<std::uint32_t, kKnownTags>;

Props BuildProps() {
  Props p{};
  auto set = [&p](std::initializer_list<Tag> tags, std::uint32_t bits) {
    for (Tag t : tags) p[t] |= bits;
  };
  set({kArea, kBase, kBasefont, kBgsound, kBr, kCol, kEmbed, kFrame, kHr, kImage, kImg, kInput,
       kIsindex, kKeygen, kLink, kMenuitem, kMeta, kParam, kSource, kTrack, kWbr},
      kVoid);
  set({kAddress, kApplet, kArea, kArticle, kAside, kBase, kBasefont, kBgsound, kBlockquote, kBody,
       kBr, kButton, kCaption, kCenter, kCol, kColgroup, kDd, kDetails, kDir, kDiv, kDl, kDt, kEmbed,
       kFieldset, kFigcaption, kFigure, kFooter, kForm, kFrame, kFrameset, kH1, kH2, kH3, kH4, kH5,
       kH6, kHead, kHeader, kHgroup, kHr, kHtml, kIframe, kImg, kInput, kIsindex, kLi, kLink,
       kListing, kMarquee, kMenu, kMenuitem, kMeta, kNav, kNoembed, kNoframes, kNoscript, kObject,
       kOl, kP, kParam, kPlaintext, kPre, kScript, kSection, kSelect, kStyle, kSummary, kTable,
       kTbody, kTd, kTemplate, kTextarea, kTfoot, kTh, kThead, kTitle, kTr, kUl, kWbr, kXmp},
      kSpecial);
  set({kApplet, kCaption, kHtml, kTable, kTd, kTh, kMarquee, kObject, kTemplate}, kScope);
  set({kHtml, kTable, kTemplate}, kTableScope);
  set({kTable, kTbody, kThead, kTfoot, kTr, kTd, kTh, kCaption, kColgroup, kTemplate, kSelect},
      kTableContext);
  set({kH1, kH2, kH3, kH4, kH5, kH6}, kHeading);
  set({kAddress, kArticle, kAside, kBlockquote, kCenter, kDetails, kDir, kDiv, kDl, kFieldset,
       kFigcaption, kFigure, kFooter, kHeader, kHgroup, kMain, kMenu, kNav, kOl, kP, kSection,
       kSummary, kUl, kPre, kListing, kXmp, kPlaintext, kHr, kH1, kH2, kH3, kH4, kH5, kH6, kLi, kDd,
       kDt, kForm},
      kClosesP);
  set({kAddress, kArticle, kAside, kBlockquote, kButton, kCenter, kDetails, kDir, kDiv, kDl,
       kFieldset, kFigcaption, kFigure, kFooter, kHeader, kHgroup, kListing, kMain, kMenu, kNav, kOl,
       kPre, kSection, kSummary, kUl},
      kBlockEnd);
  for (int t = 0; t < kKnownTags; ++t)
    if (t != kDialog && t != kSearch) p[t] |= kParserKnown;
  set({kA, kB, kBig, kCode, kEm, kFont, kI, kNobr, kS, kSmall, kStrike, kStrong, kTt, kU},
      kFormatting);
  set({kApplet, kCaption, kMarquee, kObject, kTd, kTh, kTemplate}, kMarker);
  set({kB, kBig, kBlockquote, kBody, kBr, kCenter, kCode, kDd, kDiv, kDl, kDt, kEm, kEmbed, kH1,
       kH2, kH3, kH4, kH5, kH6, kHead, kHr, kI, kImg, kLi, kListing, kMenu, kMeta, kNobr, kOl, kP,
       kPre, kRuby, kS, kSmall, kSpan, kStrong, kStrike, kSub, kSup, kTable, kTt, kU, kUl, kVar},
      kBreakout);
  for (int t = 0; t < kKnownTags; ++t)
    if (!(p[t] & kSpecial)) p[t] |= kReconstructs;
  set({kApplet, kMarquee, kObject, kArea, kBr, kEmbed, kImg, kKeygen, kWbr, kInput, kXmp, kSelect,
       kButton, kNoscript},
      kReconstructs);
  for (Tag t : {kHead, kHtml, kBody, kFrameset, kFrame, kTitle, kIsindex, kMenuitem}) p[t] &= ~kReconstructs;
  set({kHtml, kHead, kBase, kBasefont, kBgsound, kLink, kMeta, kNoframes, kScript, kStyle,
       kTemplate, kTitle, kNoscript},
      kInHead);
  set({kBasefont, kBgsound, kLink, kMeta, kNoframes, kStyle}, kInHeadNoscript);
  set({kCaption, kCol, kColgroup, kTbody, kTd, kTfoot, kTh, kThead, kTr}, kTablePart);
  return p;
}

// Stack categories whose nearest member the rules ask for, each kept as a
// list of stack positions so the question costs O(1).
enum Cat : int { kCatSpecial, kCatSpecialListStop, kCatScope, kCatTableScope, kCatTableContext,
                 kCatHeading, kCatUnknown, kNumCats };

// The other names Gumbo 0.10.1 has a GumboTag for. An end tag with any other
// name closes the nearest element whose name Gumbo does not know either
// (its "any other end tag" rule compares GUMBO_TAG_UNKNOWN to itself), so
// </x-b> closes an open <x-a>.
constexpr const char* kOtherParserTags[] = {
  "cite", "q", "dfn", "abbr", "data", "time", "samp", "kbd", "mark", "rt", "rp", "bdi", "bdo",
  "ins", "del", "video", "audio", "map", "legend", "label", "datalist", "output", "progress",
  "meter", "acronym", "nextid", "rb", "blink", "multicol", "spacer", "rtc",
};

enum class Ns : std::uint8_t { kHtml, kSvg, kMath };

// kReal elements reach the parser. The others were dropped: kPhantom for
// depth, kSkipped because they sit in content pith throws away. Real entries
// always form the bottom of the stack: once a dropped element is open,
// nothing is real until it is closed.
enum class Kind : std::uint8_t { kReal, kPhantom, kSkipped };

// What happens to a start tag once the implied end tags are done.
enum class Fate : std::uint8_t { kEmit, kPhantom, kSuppressed };

// The tree builder's formatting elements left open are re-created at each
// new paragraph; this many at once is more than pages use and bounds that
// cost. <a> is never dropped for it (a new <a> closes the previous one).
constexpr std::size_t kMaxActiveFormatting = 16;

constexpr int kNumOtherParserTags = static_cast<int>(std::size(kOtherParserTags));

struct Open {
  std::int32_t name;
  std::uint32_t serial;           // identifies the element for the formatting list
  std::int32_t html_below;        // nearest HTML-namespace entry at or below this one
  std::int32_t html_point_below;  // nearest HTML entry or integration point at or below
  std::uint8_t cats;              // Cat bits
  Ns ns;
  Kind kind;
  bool skip_root = false;         // its content is dropped
  bool head_noscript = false;     // <noscript> in <head>: closed by anything not head content
  bool marker = false;            // pushed a marker on the formatting list
  bool html_point = false;        // svg foreignObject/desc/title, math annotation-xml (HTML)
  bool text_point = false;        // math mi/mo/mn/ms/mtext
  bool template_started = false;  // <template>: its first start tag was seen
  bool template_columns = false;  // <template> whose first start tag was <col>: it takes only
                                  // <col> and <template>, every other tag is ignored
};

struct Formatting {
  std::int32_t name;
  std::uint64_t signature;  // hash of the attributes, for the "at most three alike" rule
  std::int32_t pos;         // stack position when last on the stack
  std::uint32_t serial;
};

struct Attribute {
  std::size_t name_begin, name_end;
  std::size_t value_begin, value_end;  // empty range when there is no value
  bool quoted;
};

struct TagToken {
  std::size_t begin;  // '<'
  std::size_t end;    // one past '>'; npos when the input ends inside the tag
  std::size_t name_begin, name_end;
  bool self_closing;
  int id;
};

constexpr std::size_t kNpos = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view in, const PreScanOptions& options) : in_(in), options_(options) {
    ids_.reserve(256);
    for (int t = 0; t < kKnownTags; ++t) ids_.emplace(kTagNames[t], t);
    for (int t = 0; t < kNumOtherParserTags; ++t) ids_.emplace(kOtherParserTags[t], kKnownTags + t);
    by_name_.resize(ids_.size());
    out_.html.reserve(in.size());
  }

  PreScanned Run() {
    const std::size_t n = in_.size();
    while (pos_ < n) {
      const void* lt = std::memchr(in_.data() + pos_, '<', n - pos_);
      const std::size_t at = lt ? static_cast<const char*>(lt) - in_.data() : n;
      if (at > pos_) Text(pos_, at);
      if (at >= n) break;
      Markup(at);
    }
    Flush();
    out_.bytes_skipped = in_.size() - out_.html.size();
    return std::move(out_);
  }

 private:
  static const Props& props() {
    static const Props kProps = BuildProps();
    return kProps;
  }
  std::uint32_t PropsOf(int id) const {
    if (id < kKnownTags) return props()[id];
    return id < kKnownTags + kNumOtherParserTags ? kReconstructs | kParserKnown : kReconstructs;
  }

  // --- output ---------------------------------------------------------------

  void Keep(std::size_t a, std::size_t b) {
    if (a != run_end_) {
      Flush();
      run_begin_ = a;
    }
    run_end_ = b;
  }

  void Flush() {
    out_.html.append(in_.data() + run_begin_, run_end_ - run_begin_);
    run_begin_ = run_end_;
  }

  // Where a block-level tag beyond the depth cap is dropped, a <br> (void: it
  // never nests) keeps the text of the paragraphs on each side apart; one per
  // run of dropped tags.
  void KeepBreak(int id) {
    if (!(PropsOf(id) & (kClosesP | kBlockEnd)) && id != kTable && id != kTr && id != kTd && id != kTh) return;
    Flush();
    if (!out_.html.ends_with("<br>")) out_.html += "<br>";
  }

  // Copies a tag, leaving out the attributes nobody reads (see prescan.h)
  // and replacing attribute values longer than the limit by "".
  void KeepTag(const TagToken& t) {
    // The parser compares the attributes of alike formatting elements (the
    // "Noah's Ark" clause needs three after the last marker), but never those
    // of <a>: a new <a> first removes the open one from the list, so at most
    // one <a> is ever there. Its href is a third of what the parser reads.
    const bool compared = (PropsOf(t.id) & kFormatting) && t.id != kA;
    const bool keep_all = !options_.drop_unread_attributes || compared || t.id == kIsindex;
    std::size_t from = t.begin;
    for (const Attribute& a : attrs_) {
      const std::size_t q = a.quoted ? 1 : 0;
      if (!keep_all && !IsRead(a)) {
        Keep(from, a.name_begin);
        from = a.value_end + q;
        continue;
      }
      if (a.value_end - a.value_begin <= options_.max_attribute_bytes) continue;
      Keep(from, a.value_begin - q);
      Flush();
      out_.html += "\"\"";
      from = a.value_end + q;
    }
    Keep(from, t.end);
  }

  // --- tokenizer --------------------------------------------------------------

  void Markup(std::size_t at) {
    const std::size_t n = in_.size();
    const char c1 = at + 1 < n ? in_[at + 1] : '\0';
    if (c1 == '!') {
      if (in_.compare(at, 4, "<!--") == 0) return Comment(at);
      if (at + 9 <= n && EqualsLower(in_.substr(at, 9), "<!doctype")) {
        const std::size_t end = Find('>', at);
        if (!Suppressed()) Keep(at, end);
        pos_ = end;
        return;
      }
      if (in_.compare(at, 9, "<![CDATA[") == 0 && !stack_.empty() && stack_.back().ns != Ns::kHtml) {
        const std::size_t close = in_.find("]]>", at + 9);
        const std::size_t end = close == kNpos ? n : close + 3;
        if (HasNonSpace(at + 9, close == kNpos ? n : close)) frameset_ok_ = false;
        if (!Suppressed()) Keep(at, end);
        pos_ = end;
        return;
      }
      return BogusComment(at);
    }
    if (c1 == '?') return BogusComment(at);
    if (c1 == '/') {
      const char c2 = at + 2 < n ? in_[at + 2] : '\0';
      if (IsAlpha(c2)) return EndTag(at);
      if (c2 == '>') {  // "</>" produces no token
        pos_ = at + 3;
        return;
      }
      if (at + 2 >= n) return Text(at, n);
      return BogusComment(at);
    }
    if (IsAlpha(c1)) return StartTag(at);
    Text(at, at + 1);
  }

  // One past the next c at or after from, or the end of the input.
  std::size_t Find(char c, std::size_t from) const {
    const std::size_t i = in_.find(c, from);
    return i == kNpos ? in_.size() : i + 1;
  }

  void BogusComment(std::size_t at) {
    const std::size_t end = Find('>', at + 2);
    if (!options_.strip_raw_text && !Suppressed()) Keep(at, end);
    pos_ = end;
  }

  // Comment states of the tokenizer: "<!-->" and "<!--->" end at once; then
  // "--" (more dashes allowed) followed by ">" or "!>"; else the input's end.
  void Comment(std::size_t at) {
    const std::size_t n = in_.size();
    std::size_t p = at + 4;
    std::size_t end = n;
    if (p < n && in_[p] == '>') {
      end = p + 1;
    } else if (p + 1 < n && in_[p] == '-' && in_[p + 1] == '>') {
      end = p + 2;
    } else {
      while (p < n) {
        const std::size_t dash = in_.find('-', p);
        if (dash == kNpos) break;
        std::size_t k = dash;
        while (k < n && in_[k] == '-') ++k;
        if (k - dash >= 2 && k < n) {
          if (in_[k] == '>') {
            end = k + 1;
            break;
          }
          if (in_[k] == '!' && k + 1 < n && in_[k + 1] == '>') {
            end = k + 2;
            break;
          }
        }
        p = k;
      }
    }
    if (!options_.strip_raw_text && !Suppressed()) Keep(at, end);
    pos_ = end;
  }

  // Scans a tag from '<' per the tag, attribute and self-closing states.
  // Fills attrs_. The name is at [begin + 1 or 2, name_end).
  TagToken ScanTag(std::size_t at, bool end_tag) {
    const std::size_t n = in_.size();
    TagToken t{at, kNpos, at + (end_tag ? 2 : 1), 0, false, -1};
    std::size_t p = t.name_begin;
    while (p < n && !IsSpace(in_[p]) && in_[p] != '/' && in_[p] != '>') ++p;
    t.name_end = p;
    attrs_.clear();
    while (p < n) {
      while (p < n && IsSpace(in_[p])) ++p;
      if (p >= n) break;
      if (in_[p] == '>') {
        t.end = p + 1;
        break;
      }
      if (in_[p] == '/') {
        if (p + 1 < n && in_[p + 1] == '>') {
          t.self_closing = true;
          t.end = p + 2;
          break;
        }
        ++p;
        continue;
      }
      Attribute a{p, 0, 0, 0, false};
      ++p;  // the first character belongs to the name, even '=' or a quote
      while (p < n && !IsSpace(in_[p]) && in_[p] != '/' && in_[p] != '>' && in_[p] != '=') ++p;
      a.name_end = p;
      while (p < n && IsSpace(in_[p])) ++p;
      if (p < n && in_[p] == '=') {
        ++p;
        while (p < n && IsSpace(in_[p])) ++p;
        if (p >= n) break;
        if (in_[p] == '"' || in_[p] == '\'') {
          const std::size_t close = in_.find(in_[p], p + 1);
          if (close == kNpos) break;
          a.value_begin = p + 1;
          a.value_end = close;
          a.quoted = true;
          p = close + 1;
        } else {
          a.value_begin = p;
          while (p < n && !IsSpace(in_[p]) && in_[p] != '>') ++p;
          a.value_end = p;
        }
      } else {
        a.value_begin = a.value_end = a.name_end;
      }
      attrs_.push_back(a);
    }
    t.id = Intern(in_.substr(t.name_begin, t.name_end - t.name_begin));
    return t;
  }

  int Intern(std::string_view name) {
    scratch_.assign(name);
    for (char& c : scratch_) c = Lower(c);
    auto [it, added] = ids_.try_emplace(scratch_, static_cast<int>(by_name_.size()));
    if (added) by_name_.emplace_back();
    return it->second;
  }

  // The first attribute with this (lower-case) name; null when absent.
  const Attribute* Attr(std::string_view name) const {
    for (const Attribute& a : attrs_)
      if (EqualsLower(in_.substr(a.name_begin, a.name_end - a.name_begin), name)) return &a;
    return nullptr;
  }

  // Whether ParseHtml or the parser's tree building reads this attribute.
  bool IsRead(const Attribute& a) const {
    const std::string_view name = in_.substr(a.name_begin, a.name_end - a.name_begin);
    for (std::string_view read : kHtmlAttributesRead)
      if (EqualsLower(name, read)) return true;
    return EqualsLower(name, "encoding");  // "type" is in the list already
  }

  std::string_view Value(const Attribute& a) const {
    return in_.substr(a.value_begin, a.value_end - a.value_begin);
  }

  // Where "</name" followed by whitespace, '/' or '>' starts, or the input's
  // end: the end of RAWTEXT and RCDATA content.
  std::size_t RawTextEnd(std::size_t from, std::string_view name) const {
    const std::size_t n = in_.size();
    for (std::size_t p = from;;) {
      const std::size_t lt = in_.find("</", p);
      if (lt == kNpos) return n;
      if (ClosesAs(lt + 2, name)) return lt;
      p = lt + 1;
    }
  }

  // True when the letters at p spell name and end there (whitespace, '/' or '>').
  bool ClosesAs(std::size_t p, std::string_view name) const {
    const std::size_t n = in_.size();
    if (p + name.size() >= n) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
      if (Lower(in_[p + i]) != name[i]) return false;
    const char c = in_[p + name.size()];
    return IsSpace(c) || c == '/' || c == '>';
  }

  // The script data states: "<!--" escapes, "<script" inside an escape
  // double-escapes, and only an unescaped or singly escaped "</script" ends
  // the script. Returns where that "</script" starts, or the input's end.
  std::size_t ScriptEnd(std::size_t from) const {
    enum State { kData, kEscaped, kEscapedDash, kEscapedDashDash, kDouble, kDoubleDash, kDoubleDashDash };
    const std::size_t n = in_.size();
    State s = kData;
    std::size_t p = from;
    while (p < n) {
      if (s == kData) {
        const std::size_t lt = in_.find('<', p);
        if (lt == kNpos) return n;
        p = lt;
        if (p + 1 < n && in_[p + 1] == '/' && ClosesAs(p + 2, "script")) return p;
        if (in_.compare(p, 4, "<!--") == 0) {
          s = kEscapedDashDash;
          p += 4;
        } else {
          ++p;
        }
        continue;
      }
      const char c = in_[p];
      const bool escaped = s == kEscaped || s == kEscapedDash || s == kEscapedDashDash;
      if (c == '-') {
        if (escaped) s = s == kEscaped ? kEscapedDash : kEscapedDashDash;
        else s = s == kDouble ? kDoubleDash : kDoubleDashDash;
        ++p;
      } else if (c == '>') {
        if (s == kEscapedDashDash || s == kDoubleDashDash) s = kData;
        else s = escaped ? kEscaped : kDouble;
        ++p;
      } else if (c == '<') {
        ++p;
        if (escaped) {
          s = kEscaped;
          if (p < n && in_[p] == '/') {
            if (ClosesAs(p + 1, "script")) return p - 1;
            continue;
          }
          if (p < n && IsAlpha(in_[p])) {
            std::size_t k = p;
            while (k < n && IsAlpha(in_[k])) ++k;
            if (k < n && (IsSpace(in_[k]) || in_[k] == '/' || in_[k] == '>') &&
                EqualsLower(in_.substr(p, k - p), "script"))
              s = kDouble;
            p = k;
          }
        } else {
          s = kDouble;
          if (p < n && in_[p] == '/') {
            std::size_t k = p + 1;
            while (k < n && IsAlpha(in_[k])) ++k;
            if (k < n && (IsSpace(in_[k]) || in_[k] == '/' || in_[k] == '>') &&
                EqualsLower(in_.substr(p + 1, k - p - 1), "script"))
              s = kEscaped;
            p = k;
          }
        }
      } else {
        s = escaped ? kEscaped : kDouble;
        ++p;
      }
    }
    return n;
  }

  // --- the model of the stack of open elements --------------------------------

  bool Suppressed() const { return !skip_roots_.empty(); }

  Fate Decide() const {
    if (Suppressed()) return Fate::kSuppressed;
    if (phantoms_ > 0 || (options_.max_depth > 0 && real_ >= options_.max_depth)) return Fate::kPhantom;
    return Fate::kEmit;
  }

  int Size() const { return static_cast<int>(stack_.size()); }
  int Nearest(Cat c) const { return by_cat_[c].empty() ? -1 : by_cat_[c].back(); }
  int NearestName(int id) const { return by_name_[id].empty() ? -1 : by_name_[id].back(); }
  bool TopIs(int id) const {
    return !stack_.empty() && stack_.back().name == id && stack_.back().ns == Ns::kHtml;
  }
  int ScopeBound() const { return Nearest(kCatScope); }
  // Position of id when it is in (default) scope, else -1.
  int InScope(int id) const {
    const int p = NearestName(id);
    return p >= 0 && p >= ScopeBound() ? p : -1;
  }
  int InTableScope(int id) const {
    const int p = NearestName(id);
    return p >= 0 && p >= Nearest(kCatTableScope) ? p : -1;
  }
  int PInButtonScope() const {
    const int p = NearestName(kP);
    return p >= 0 && p >= ScopeBound() && p >= NearestName(kButton) ? p : -1;
  }

  void Push(int id, Ns ns, Kind kind) {
    Open o{};
    o.name = id;
    o.serial = ++serial_;
    o.ns = ns;
    o.kind = kind;
    const int index = Size();
    std::uint8_t cats = 0;
    if (ns == Ns::kHtml) {
      const std::uint32_t p = PropsOf(id);
      if (p & kSpecial) {
        cats |= 1u << kCatSpecial;
        if (id != kAddress && id != kDiv && id != kP) cats |= 1u << kCatSpecialListStop;
      }
      if (p & kScope) cats |= 1u << kCatScope;
      if (p & kTableScope) cats |= 1u << kCatTableScope;
      if (p & kTableContext) cats |= 1u << kCatTableContext;
      if (p & kHeading) cats |= 1u << kCatHeading;
      if (!(p & kParserKnown)) cats |= 1u << kCatUnknown;
    } else {
      if (ns == Ns::kSvg) o.html_point = id == kForeignObject || id == kDesc || id == kTitle;
      if (ns == Ns::kMath) {
        o.text_point = id == kMi || id == kMo || id == kMn || id == kMs || id == kMtext;
        if (id == kAnnotationXml) {
          const Attribute* enc = Attr("encoding");
          o.html_point = enc && (EqualsLower(Value(*enc), "text/html") ||
                                 EqualsLower(Value(*enc), "application/xhtml+xml"));
        }
      }
      // Scope boundaries; special too, except svg <title> (Gumbo's list).
      if (o.html_point || o.text_point || id == kAnnotationXml) {
        cats |= 1u << kCatScope;
        if (!(ns == Ns::kSvg && id == kTitle))
          cats |= (1u << kCatSpecial) | (1u << kCatSpecialListStop);
      }
    }
    o.cats = cats;
    const int below = index - 1;
    o.html_below = ns == Ns::kHtml ? index : below >= 0 ? stack_[below].html_below : -1;
    o.html_point_below = ns == Ns::kHtml || o.html_point || o.text_point ? index
                         : below >= 0                                  ? stack_[below].html_point_below
                                                                       : -1;
    for (int c = 0; c < kNumCats; ++c)
      if (cats & (1u << c)) by_cat_[c].push_back(index);
    by_name_[id].push_back(index);
    if (kind == Kind::kReal) ++real_;
    if (kind == Kind::kPhantom) ++phantoms_;
    if (kind == Kind::kReal && ns == Ns::kHtml && (PropsOf(id) & kMarker)) {
      o.marker = true;
      markers_.push_back(static_cast<std::int32_t>(afl_.size()));
    }
    stack_.push_back(o);
  }

  // Pops the entries at positions >= size.
  void PopTo(int size) {
    while (Size() > size) {
      const Open& o = stack_.back();
      for (int c = 0; c < kNumCats; ++c)
        if (o.cats & (1u << c)) by_cat_[c].pop_back();
      by_name_[o.name].pop_back();
      if (o.kind == Kind::kReal) --real_;
      if (o.kind == Kind::kPhantom) --phantoms_;
      if (o.skip_root) skip_roots_.pop_back();
      if (o.marker) {
        afl_.resize(markers_.back());
        markers_.pop_back();
      }
      stack_.pop_back();
    }
  }

  // --- the list of active formatting elements (of the emitted stream) ---------

  std::size_t SegmentStart() const { return markers_.empty() ? 0 : markers_.back(); }

  bool OnStack(const Formatting& f) const {
    return f.pos < Size() && stack_[f.pos].serial == f.serial;
  }

  // Latest entry for id after the last marker, or -1.
  int FindFormatting(int id) const {
    for (std::size_t i = afl_.size(); i > SegmentStart(); --i)
      if (afl_[i - 1].name == id) return static_cast<int>(i - 1);
    return -1;
  }

  std::uint64_t Signature() const {
    std::uint64_t sig = attrs_.size();
    for (const Attribute& a : attrs_) {
      std::string name(in_.substr(a.name_begin, a.name_end - a.name_begin));
      for (char& c : name) c = Lower(c);
      sig += std::hash<std::string_view>()(name) * 31 + std::hash<std::string_view>()(Value(a));
    }
    return sig;
  }

  // Count of entries alike (name and attributes) after the last marker, and
  // the earliest of them.
  std::pair<int, int> Alike(int id, std::uint64_t sig) const {
    int count = 0, earliest = -1;
    for (std::size_t i = afl_.size(); i > SegmentStart(); --i) {
      if (afl_[i - 1].name == id && afl_[i - 1].signature == sig) {
        ++count;
        earliest = static_cast<int>(i - 1);
      }
    }
    return {count, earliest};
  }

  // Re-creates the formatting elements that were closed implicitly, as the
  // parser does before inserting text or an inline element.
  void Reconstruct() {
    if (afl_.size() <= SegmentStart() || OnStack(afl_.back())) return;
    std::size_t i = afl_.size();
    while (i > SegmentStart() && !OnStack(afl_[i - 1])) --i;
    for (; i < afl_.size(); ++i) {
      Push(afl_[i].name, Ns::kHtml, Kind::kReal);
      afl_[i].pos = Size() - 1;
      afl_[i].serial = stack_.back().serial;
    }
  }

  // Table modes insert foster-parented text without re-creating formatting
  // elements when it is only whitespace.
  bool InTableMode() const {
    const int m = Nearest(kCatTableContext);
    if (m < 0) return false;
    const int mode = stack_[m].name;
    return mode == kTable || mode == kTbody || mode == kThead || mode == kTfoot || mode == kTr;
  }

  bool HasNonSpace(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i < b; ++i)
      if (!IsSpace(in_[i])) return true;
    return false;
  }

  // --- tokens -----------------------------------------------------------------

  void Text(std::size_t a, std::size_t b) {
    pos_ = b;
    if (frameset_ok_ && HasNonSpace(a, b)) frameset_ok_ = false;
    if (Suppressed()) {
      if (stack_.back().head_noscript && HasNonSpace(a, b)) PopTo(Size() - 1);
      if (Suppressed()) return;
    }
    const bool in_html = stack_.empty() || stack_.back().ns == Ns::kHtml;
    if (in_head_ && HasNonSpace(a, b)) in_head_ = false;
    if (phantoms_ == 0 && in_html && afl_.size() > SegmentStart() && !OnStack(afl_.back())) {
      const int m = Nearest(kCatTableContext);
      const bool select = m >= 0 && stack_[m].name == kSelect;
      if (!select && (!InTableMode() || HasNonSpace(a, b))) Reconstruct();
    }
    KeepText(a, b);
  }

  // Copies text, keeping only the first character of each run of whitespace
  // unless a <pre> or <listing> is open: pith collapses whitespace itself,
  // and whitespace stays whitespace for the tree builder.
  void KeepText(std::size_t a, std::size_t b) {
    if (!options_.collapse_whitespace || !by_name_[kPre].empty() || !by_name_[kListing].empty()) {
      Keep(a, b);
      return;
    }
    std::size_t from = a;
    for (std::size_t p = a; p + 1 < b; ++p) {
      if (!IsSpace(in_[p]) || !IsSpace(in_[p + 1])) continue;
      std::size_t end = p + 2;
      while (end < b && IsSpace(in_[end])) ++end;
      Keep(from, p + 1);
      from = end;
      p = end - 1;
    }
    Keep(from, b);
  }

  // What the tree builder does with a start tag in HTML content.
  struct Plan {
    bool insert = true;      // false: the parser ignores the tag
    bool no_push = false;    // inserted and closed at once (void, form in a table)
    int wrappers[2] = {0, 0};  // elements the parser inserts first (tbody, tr, colgroup)
    int num_wrappers = 0;
    void Wrap(int id) { wrappers[num_wrappers++] = id; }
  };

  // caption, table, tbody, tfoot, thead, tr, td, th: the tags that leave a
  // <select> inside a table.
  static bool ClosesSelectInTable(int id) {
    return id == kCaption || id == kTable || id == kTbody || id == kTfoot || id == kThead ||
           id == kTr || id == kTd || id == kTh;
  }

  bool SelectInTable(int select_pos) const {
    const int t = NearestName(kTable);
    return t >= 0 && t < select_pos && NearestName(kTemplate) < t;
  }

  // Applies the implied end tags of a start tag (pops) and says what it
  // inserts. Reprocessing ("act as if", "reprocess the token") loops; each
  // round pops at least one element or returns.
  Plan HtmlStartRules(int id) {
    Plan plan;
    const std::uint32_t props = PropsOf(id);
    if (props & kVoid) plan.no_push = true;
    for (;;) {
      const int m = Nearest(kCatTableContext);
      const int mode = m < 0 ? -1 : stack_[m].name;
      const bool table_part = props & kTablePart;
      if (mode == kSelect) {
        if (id == kOption || id == kOptgroup) {
          if (TopIs(kOption)) PopTo(Size() - 1);
          if (id == kOptgroup && TopIs(kOptgroup)) PopTo(Size() - 1);
          return plan;
        }
        if (id == kSelect) {
          PopTo(m);
          plan.insert = false;
          return plan;
        }
        if (id == kInput || id == kKeygen || id == kTextarea) {
          PopTo(m);
          continue;
        }
        if (id == kScript || id == kTemplate) return plan;
        if (ClosesSelectInTable(id) && SelectInTable(m)) {
          PopTo(m);
          continue;
        }
        plan.insert = false;
        return plan;
      }
      if (mode == kTable || mode == kTbody || mode == kThead || mode == kTfoot || mode == kTr) {
        const bool section = mode == kTbody || mode == kThead || mode == kTfoot;
        if (id == kTable) {
          const int t = InTableScope(kTable);
          if (t < 0) {
            plan.insert = false;
            return plan;
          }
          PopTo(t);
          continue;
        }
        if (table_part) {
          if (mode == kTr) {
            if (id == kTd || id == kTh) {
              PopTo(m + 1);
              return plan;
            }
            PopTo(m);
            continue;
          }
          if (section) {
            if (id == kTr) {
              PopTo(m + 1);
              return plan;
            }
            if (id == kTd || id == kTh) {
              PopTo(m + 1);
              plan.Wrap(kTr);
              return plan;
            }
            PopTo(m);
            continue;
          }
          PopTo(m + 1);  // in table
          if (id == kCol) {
            plan.Wrap(kColgroup);
          } else if (id == kTr) {
            plan.Wrap(kTbody);
          } else if (id == kTd || id == kTh) {
            plan.Wrap(kTbody);
            plan.Wrap(kTr);
          }
          return plan;
        }
        if (id == kStyle || id == kScript || id == kTemplate || id == kInput) return plan;
        if (id == kForm) {
          if (form_open_ || NearestName(kTemplate) >= 0) {
            plan.insert = false;
          } else {
            plan.no_push = true;
          }
          return plan;
        }
        // Anything else is foster-parented by the in-body rules below.
      } else if (mode == kTd || mode == kTh || mode == kCaption) {
        if (table_part) {
          PopTo(m);
          continue;
        }
      } else if (mode == kColgroup) {
        if (id == kCol || id == kTemplate) return plan;
        PopTo(m);
        continue;
      } else if (mode == kTemplate) {
        if (table_part) return plan;
      }
      return InBodyRules(id, props, plan);
    }
  }

  Plan InBodyRules(int id, std::uint32_t props, Plan plan) {
    if (id == kHtml || id == kBody || id == kHead || id == kFrameset || id == kFrame ||
        (props & kTablePart)) {
      plan.insert = false;
      return plan;
    }
    if (id == kLi || id == kDd || id == kDt) {
      const int p = id == kLi ? NearestName(kLi) : std::max(NearestName(kDd), NearestName(kDt));
      if (p >= 0 && p >= Nearest(kCatSpecialListStop)) PopTo(p);
    }
    if (id == kForm && (form_open_ && NearestName(kTemplate) < 0)) {
      plan.insert = false;
      return plan;
    }
    if (props & kClosesP) {
      const int p = PInButtonScope();
      if (p >= 0) PopTo(p);
    }
    if ((props & kHeading) && !stack_.empty() && (stack_.back().cats & (1u << kCatHeading)))
      PopTo(Size() - 1);
    if (id == kButton) {
      const int b = InScope(kButton);
      if (b >= 0) PopTo(b);
    }
    if (id == kA || id == kNobr) {  // a second <a> or <nobr> closes the first
      const int f = FindFormatting(id);
      if (f >= 0 && OnStack(afl_[f]) && afl_[f].pos >= ScopeBound()) PopTo(AdoptionEnd(afl_[f].pos));
    }
    if ((id == kOption || id == kOptgroup) && TopIs(kOption)) PopTo(Size() - 1);
    return plan;
  }

  // Whether a </noscript> follows `from`. Once a search fails, every later
  // one would too: that is remembered, so the scan stays linear.
  bool HasNoscriptEnd(std::size_t from) {
    if (no_noscript_end_) return false;
    if (RawTextEnd(from, kTagNames[kNoscript]) < in_.size()) return true;
    no_noscript_end_ = true;
    return false;
  }

  bool IsSkipElement(int id) const {
    if (!options_.strip_raw_text) return false;
    switch (id) {
      case kStyle: case kNoscript: case kTemplate: case kSvg: case kMath: case kIframe:
      case kObject: case kCanvas: case kTextarea:
        return true;
      case kScript: {
        const Attribute* type = Attr("type");
        return !(type && EqualsLower(Value(*type), "application/ld+json"));
      }
      default:
        return false;
    }
  }

  static bool IsRawText(int id) {
    return id == kScript || id == kStyle || id == kXmp || id == kIframe || id == kNoembed ||
           id == kNoframes || id == kTitle || id == kTextarea || id == kPlaintext;
  }

  // Start tags after which the parser no longer accepts a <frameset>.
  bool ClearsFramesetOk(int id) const {
    switch (id) {
      case kPre: case kListing: case kLi: case kDd: case kDt: case kButton: case kApplet:
      case kMarquee: case kObject: case kTable: case kArea: case kBr: case kEmbed: case kImg:
      case kKeygen: case kWbr: case kHr: case kIsindex: case kTextarea: case kXmp: case kIframe:
      case kSelect: case kBody:
        return true;
      case kInput: {
        const Attribute* type = Attr("type");
        return !(type && EqualsLower(Value(*type), "hidden"));
      }
      default:
        return false;
    }
  }

  // True when the start tag leaves svg/math content.
  bool Breaks(int id) const {
    if (id < kKnownTags && (props()[id] & kBreakout)) return true;
    return id == kFont && (Attr("color") || Attr("face") || Attr("size"));
  }

  // True when a start tag is handled by the foreign-content rules.
  bool ForeignStart(int id) const {
    if (stack_.empty()) return false;
    const Open& top = stack_.back();
    if (top.ns == Ns::kHtml || top.html_point) return false;
    if (top.text_point && id != kMglyph && id != kMalignmark) return false;
    if (top.ns == Ns::kMath && top.name == kAnnotationXml && id == kSvg) return false;
    return true;
  }

  void StartTag(std::size_t at) {
    const TagToken t = ScanTag(at, false);
    if (t.end == kNpos) {  // the parser drops a tag the input ends in
      pos_ = in_.size();
      return;
    }
    pos_ = t.end;
    int id = t.id;

    // <noscript> in <head> takes head content only; any other tag closes it.
    if (!stack_.empty() && stack_.back().head_noscript) {
      if (id == kHead || id == kNoscript || id == kHtml) return;
      if (!(PropsOf(id) & kInHeadNoscript)) PopTo(Size() - 1);
    }
    if (in_head_ && !Suppressed() && !(PropsOf(id) & kInHead)) in_head_ = false;
    if (!stack_.empty() && stack_.back().name == kTemplate && stack_.back().ns == Ns::kHtml) {
      Open& top = stack_.back();
      if (!top.template_started) top.template_columns = id == kCol;
      top.template_started = true;
      if (top.template_columns && id != kCol && id != kTemplate) {
        if (!Suppressed()) KeepTag(t);
        return;
      }
    }

    const int real_before = real_;
    Ns ns = Ns::kHtml;
    bool html_rules = true;
    Plan plan;
    if (ForeignStart(id)) {
      if (Breaks(id)) {
        PopTo(stack_.back().html_point_below + 1);
      } else {
        html_rules = false;
        ns = stack_.back().ns;
        plan.no_push = t.self_closing;
      }
    }
    if (html_rules) {
      if (id == kImage) id = kImg;  // in HTML content only; svg has its own <image>
      if (ClearsFramesetOk(id)) frameset_ok_ = false;
      if (id == kFrameset) {
        // The parser takes a <frameset> only while nothing of the body has
        // been seen; then it is kept. When dropped content was what made it
        // ignore the tag, the output must not offer it a second chance.
        if (frameset_ok_ && Decide() == Fate::kEmit) KeepTag(t);
        return;
      }
      plan = HtmlStartRules(id);
      if (id == kSvg || id == kMath) {
        ns = id == kSvg ? Ns::kSvg : Ns::kMath;
        plan.no_push = t.self_closing;
      }
    }
    // A tag that closed elements the parser will see must reach the parser.
    const bool closed_real = real_ < real_before;
    const Fate fate = closed_real ? Fate::kEmit : Decide();

    if (!plan.insert) {
      if (fate == Fate::kEmit) KeepTag(t);
      return;
    }
    // A browser runs scripts, so it reads <noscript> as raw text up to
    // </noscript>; Gumbo does not, and an unclosed tag inside one (a
    // "<noscript><div></noscript>" warning box) would make the rest of the
    // page its content. When noscript is dropped anyway and its end tag
    // exists, read it as the browser does.
    const bool noscript_as_text = id == kNoscript && options_.strip_raw_text && HasNoscriptEnd(t.end);
    if (html_rules && ns == Ns::kHtml && (IsRawText(id) || noscript_as_text))
      return RawTextElement(t, id, fate, closed_real);

    if (html_rules && fate != Fate::kSuppressed && !closed_real && IsSkipElement(id)) {
      if (!plan.no_push) {
        Push(id, ns, Kind::kSkipped);
        stack_.back().skip_root = true;
        stack_.back().head_noscript = id == kNoscript && in_head_;
        skip_roots_.push_back(Size() - 1);
      }
      return;
    }
    if (fate == Fate::kSuppressed) {
      for (int w = 0; w < plan.num_wrappers; ++w) Push(plan.wrappers[w], Ns::kHtml, Kind::kSkipped);
      if (!plan.no_push) Push(id, ns, Kind::kSkipped);
      return;
    }
    if (fate == Fate::kPhantom) {
      if (plan.no_push && plan.num_wrappers == 0) {  // void: cannot nest, keep it
        KeepTag(t);
        return;
      }
      ++out_.depth_capped;
      if (ns == Ns::kHtml) KeepBreak(id);
      for (int w = 0; w < plan.num_wrappers; ++w) Push(plan.wrappers[w], Ns::kHtml, Kind::kPhantom);
      if (!plan.no_push) Push(id, ns, Kind::kPhantom);
      return;
    }
    EmitStart(t, id, ns, plan);
  }

  void EmitStart(const TagToken& t, int id, Ns ns, const Plan& plan) {
    const std::uint32_t props = ns == Ns::kHtml ? PropsOf(id) : 0;
    std::uint64_t sig = 0;
    std::pair<int, int> alike{0, -1};
    if (props & kFormatting) {
      if (id == kA) {
        const int f = FindFormatting(kA);
        if (f >= 0) afl_.erase(afl_.begin() + f);
      }
      sig = Signature();
      alike = Alike(id, sig);
      const std::size_t live = afl_.size() - SegmentStart() - (alike.first >= 3 ? 1 : 0);
      if (id != kA && live >= kMaxActiveFormatting) {
        ++out_.depth_capped;
        return;
      }
    }
    if (props & kReconstructs) Reconstruct();
    for (int w = 0; w < plan.num_wrappers; ++w) Push(plan.wrappers[w], Ns::kHtml, Kind::kReal);
    if (id == kForm) form_open_ = true;
    if (!plan.no_push) {
      Push(id, ns, Kind::kReal);
      if (props & kFormatting) {
        if (alike.first >= 3) afl_.erase(afl_.begin() + alike.second);
        afl_.push_back({id, sig, Size() - 1, stack_.back().serial});
      }
    }
    KeepTag(t);
  }

  // script, style, xmp, iframe, noembed, noframes, title, textarea, plaintext:
  // the content is text up to the matching end tag. Such an element opens
  // and closes in one go, so it never counts for depth.
  void RawTextElement(const TagToken& t, int id, Fate fate, bool closed_real) {
    const bool drop = fate == Fate::kSuppressed || (!closed_real && IsSkipElement(id));
    if (!drop) {
      if (fate == Fate::kEmit && (PropsOf(id) & kReconstructs)) Reconstruct();
      KeepTag(t);
    }
    const std::size_t n = in_.size();
    std::size_t close = n;
    if (id == kScript) close = ScriptEnd(t.end);
    else if (id != kPlaintext) close = RawTextEnd(t.end, kTagNames[id]);
    // Read before the end tag's scan reuses the attribute list.
    if (id == kScript && fate != Fate::kSuppressed && close - t.end > out_.template_markup.size()) {
      const Attribute* type = Attr("type");
      if (type && EqualsLower(Value(*type), "text/template")) out_.template_markup = in_.substr(t.end, close - t.end);
    }
    std::size_t end = n;
    if (close < n) {
      const TagToken e = ScanTag(close, true);
      if (e.end != kNpos) end = e.end;
    }
    if (!drop) Keep(t.end, end);
    pos_ = end;
  }

  void EndTag(std::size_t at) {
    const TagToken t = ScanTag(at, true);
    if (t.end == kNpos) {
      pos_ = in_.size();
      return;
    }
    pos_ = t.end;
    const int id = t.id;
    if (!stack_.empty() && stack_.back().head_noscript) {
      if (id == kNoscript) {
        PopTo(Size() - 1);
        return;
      }
      if (id != kBr) return;
      PopTo(Size() - 1);
    }
    if (id == kHead || id == kBody || id == kHtml || id == kBr) {
      if (!Suppressed()) in_head_ = false;
    }
    if (id == kBr) {  // "</br>" is a <br>
      const Fate fate = Decide();
      if (fate == Fate::kSuppressed) return;
      if (fate == Fate::kEmit) Reconstruct();
      KeepTag(t);
      return;
    }

    int match = -1;      // pop to this position
    int formatting = -1; // list entry the tag removes, when emitted
    bool form_end = false;
    bool real = false;   // closes a real element even when match says otherwise
    if (!stack_.empty() && stack_.back().ns != Ns::kHtml) {
      const int p = NearestName(id);
      if (p >= 0 && p > stack_.back().html_below) match = p;
    }
    if (match < 0) HtmlEndRules(id, &match, &formatting, &form_end, &real);

    bool emit;
    const bool beyond_cap = !Suppressed() && phantoms_ > 0;
    if (match >= 0) {
      emit = real || stack_[match].kind == Kind::kReal;
      PopTo(match);
    } else {
      emit = real || (!Suppressed() && phantoms_ == 0);
    }
    if (!emit) {
      if (beyond_cap) KeepBreak(id);
      return;
    }
    if (formatting >= 0) afl_.erase(afl_.begin() + formatting);
    if (form_end) form_open_ = false;
    KeepTag(t);
  }

  void HtmlEndRules(int id, int* match, int* formatting, bool* form_end, bool* real) {
    for (;;) {
      const int m = Nearest(kCatTableContext);
      const int mode = m < 0 ? -1 : stack_[m].name;
      const std::uint32_t props = PropsOf(id);
      if (mode == kSelect) {
        if (id == kOption) {
          if (TopIs(kOption)) *match = Size() - 1;
        } else if (id == kOptgroup) {
          if (TopIs(kOption) && Size() >= 2 && stack_[Size() - 2].name == kOptgroup) *match = Size() - 2;
          else if (TopIs(kOptgroup)) *match = Size() - 1;
        } else if (id == kSelect) {
          *match = m;
        } else if (id == kTemplate) {
          *match = NearestName(kTemplate);
        } else if (ClosesSelectInTable(id) && SelectInTable(m) && InTableScope(id) >= 0) {
          PopTo(m);
          continue;
        }
        return;
      }
      if (id == kP) {
        *match = PInButtonScope();
      } else if (id == kLi) {
        const int p = InScope(kLi);
        if (p >= 0 && p >= NearestName(kOl) && p >= NearestName(kUl)) *match = p;
      } else if (props & kHeading) {
        const int p = Nearest(kCatHeading);
        if (p >= 0 && p >= ScopeBound()) *match = p;
      } else if (id == kForm) {
        if (!form_open_) return;
        *form_end = true;
        if (TopIs(kForm) && InScope(kForm) >= 0) *match = Size() - 1;
      } else if (id == kTemplate) {
        *match = NearestName(kTemplate);
      } else if (id == kTable || id == kTbody || id == kThead || id == kTfoot || id == kTr ||
                 id == kTd || id == kTh || id == kCaption) {
        *match = InTableScope(id);
      } else if (id == kColgroup) {
        if (TopIs(kColgroup)) *match = Size() - 1;
      } else if (id == kBody || id == kHtml || id == kHead || id == kCol) {
        // No element is closed.
      } else if (props & kFormatting) {
        FormattingEnd(id, match, formatting, real);
      } else if (props & kBlockEnd) {
        *match = InScope(id);
      } else if (id == kDd || id == kDt) {
        *match = InScope(id);
      } else if (id == kApplet || id == kMarquee || id == kObject) {
        *match = InTableScope(id);  // Gumbo checks table scope here, not scope
      } else {
        // Any other end tag: the nearest element of that name, unless a
        // special element is open inside it.
        const int p = (props & kParserKnown) ? NearestName(id) : Nearest(kCatUnknown);
        if (p >= 0 && p >= Nearest(kCatSpecial)) *match = p;
      }
      return;
    }
  }

  // The adoption agency closes the formatting element at pos. With no
  // special element above it, everything from pos up is popped. Otherwise
  // its outer loop moves the elements and ends popping what follows the
  // last special element. It also takes the non-formatting elements between
  // pos and the first special element above it off the stack; that is
  // modelled only for a dropped <canvas>, <svg> or <math> there, which then
  // ends the dropping (the content it moves out was already dropped). May
  // pop; returns the size to pop to.
  int AdoptionEnd(int pos) {
    const std::vector<std::int32_t>& special = by_cat_[kCatSpecial];
    auto first_special_above = [&] {
      const auto it = std::upper_bound(special.begin(), special.end(), pos);
      return it == special.end() ? -1 : *it;
    };
    const int f = first_special_above();
    if (f < 0) return pos;
    if (!skip_roots_.empty() && skip_roots_.front() > pos && skip_roots_.front() < f) {
      PopTo(skip_roots_.front());
      if (first_special_above() < 0) return pos;
    }
    return Nearest(kCatSpecial) + 1;
  }

  void FormattingEnd(int id, int* match, int* formatting, bool* real) {
    const int p = NearestName(id);
    if (p >= 0 && stack_[p].kind != Kind::kReal) {
      if (p >= ScopeBound() && p > Nearest(kCatSpecial)) *match = p;
      return;
    }
    const int f = FindFormatting(id);
    if (f < 0) {  // not a formatting element in use: "any other end tag"
      if (p >= 0 && p > Nearest(kCatSpecial)) *match = p;
      return;
    }
    *formatting = f;
    if (!OnStack(afl_[f])) return;
    if (afl_[f].pos < ScopeBound()) {
      *formatting = -1;
      return;
    }
    *real = true;
    const int to = AdoptionEnd(afl_[f].pos);
    if (to < Size()) *match = to;
  }

  std::string_view in_;
  PreScanOptions options_;
  PreScanned out_;
  std::size_t pos_ = 0;
  std::size_t run_begin_ = 0, run_end_ = 0;  // kept bytes not yet appended
  std::vector<Attribute> attrs_;
  std::string scratch_;
  std::unordered_map<std::string, int> ids_;
  std::vector<std::vector<std::int32_t>> by_name_;
  std::array<std::vector<std::int32_t>, kNumCats> by_cat_;
  std::vector<Open> stack_;
  std::vector<Formatting> afl_;
  std::vector<std::int32_t> markers_;  // afl_ size when each marker was pushed
  std::uint32_t serial_ = 0;
  int real_ = 0, phantoms_ = 0;
  bool no_noscript_end_ = false;          // no </noscript> after some point: see HasNoscriptEnd
  std::vector<std::int32_t> skip_roots_;  // positions of open elements whose content is dropped
  bool in_head_ = true;
  bool form_open_ = false;
  bool frameset_ok_ = true;  // as the parser sets it reading the input (not the output)
};

}  // namespace

PreScanned PreScan(std::string_view html, const PreScanOptions& options) {
  return Scanner(html, options).Run();
}

}  // namespace pith
