#include "output/render.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "document/textutil.h"

namespace pith {
namespace {

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Escapes characters that would turn plain text into Markdown syntax.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '|')
      out += '\\';
    out += c;
  }
  // A line starting with "#", "-", "+" or "1." would become a heading/list.
  if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+')) return '\\' + out;
  return out;
}

std::string RenderText(const Result& r) {
  std::string out;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i) {
    if (!r.verdicts[i].keep) continue;
    out += r.BlockText(i);
    out += '\n';
  }
  return out;
}

std::string RenderMarkdown(const Result& r) {
  std::string out;
  int last_row = -1;
  bool row_header_done = false;
  int row_cells = 0;
  auto end_row = [&] {
    if (last_row < 0) return;
    out += " |\n";
    if (!row_header_done) {
      out += "|";
      for (int k = 0; k < row_cells; ++k) out += " --- |";
      out += "\n";
      row_header_done = true;
    }
    last_row = -1;
  };
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i) {
    if (!r.verdicts[i].keep) continue;
    const Block& b = r.doc.blocks[i];
    const std::string& text = r.BlockText(i);
    if (b.kind == BlockKind::kTableCell && b.row >= 0) {
      if (b.row != last_row) {
        end_row();
        out += "|";
        row_cells = 0;
        last_row = b.row;
      } else {
        out += " |";
      }
      std::string cell = EscapeMarkdown(text);
      for (char& c : cell)
        if (c == '\n') c = ' ';
      out += " " + cell;
      ++row_cells;
      continue;
    }
    if (last_row >= 0) {
      end_row();
      out += "\n";
      row_header_done = false;
    }
    switch (b.kind) {
      case BlockKind::kHeading:
        out += std::string(static_cast<std::size_t>(std::max(1, b.level)), '#') + " " + EscapeMarkdown(text) + "\n\n";
        break;
      case BlockKind::kListItem: {
        std::string t = text;
        if (StartsWithBullet(t)) t = t.substr(t.find(' ') + 1);
        out += "- " + EscapeMarkdown(t) + "\n";
        if (i + 1 >= r.doc.blocks.size() || r.doc.blocks[i + 1].kind != BlockKind::kListItem) out += "\n";
        break;
      }
      case BlockKind::kQuote:
        out += "> " + EscapeMarkdown(text) + "\n\n";
        break;
      case BlockKind::kPre:
        out += "```\n" + text + "\n```\n\n";
        break;
      default:
        out += EscapeMarkdown(text) + "\n\n";
    }
  }
  end_row();
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string RenderHtml(const Result& r) {
  std::string out = "<article>\n";
  if (!r.injection.title.empty()) out += "<h1>" + EscapeHtml(r.injection.title) + "</h1>\n";
  bool in_list = false;
  int row = -1;
  bool in_table = false;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i) {
    if (!r.verdicts[i].keep) continue;
    const Block& b = r.doc.blocks[i];
    std::string text = EscapeHtml(r.BlockText(i));
    if (b.kind != BlockKind::kPre) {
      for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p)) text.replace(p, 1, "<br>");
    }
    if (in_list && b.kind != BlockKind::kListItem) out += "</ul>\n", in_list = false;
    if (b.kind != BlockKind::kTableCell && in_table) {
      out += "</tr>\n</table>\n";
      in_table = false;
      row = -1;
    }
    switch (b.kind) {
      case BlockKind::kHeading: {
        const char level = static_cast<char>('0' + std::clamp(b.level, 1, 6));
        out.append("<h").append(1, level).append(">").append(text).append("</h").append(1, level).append(">\n");
        break;
      }
      case BlockKind::kListItem:
        if (!in_list) out += "<ul>\n", in_list = true;
        out += "<li>" + text + "</li>\n";
        break;
      case BlockKind::kQuote:
        out += "<blockquote><p>" + text + "</p></blockquote>\n";
        break;
      case BlockKind::kPre:
        out += "<pre>" + text + "</pre>\n";
        break;
      case BlockKind::kTableCell:
        if (!in_table) out += "<table>\n", in_table = true;
        if (b.row != row) {
          if (row != -1) out += "</tr>\n";
          out += "<tr>";
          row = b.row;
        }
        out += "<td>" + text + "</td>";
        break;
      case BlockKind::kCaption:
        out += "<figcaption>" + text + "</figcaption>\n";
        break;
      default:
        out += "<p>" + text + "</p>\n";
    }
  }
  if (in_list) out += "</ul>\n";
  if (in_table) out += "</tr>\n</table>\n";
  out += "</article>\n";
  return out;
}

std::string RenderJson(const Result& r, const Ruleset& rules, const std::string& source) {
  nlohmann::ordered_json j;
  j["source"] = source;
  AddResultFields(r, rules, &j);
  j["input"] = r.kind == InputKind::kHtml ? "html" : "text";
  j["charset"] = r.charset;
  const auto kept = std::count_if(r.verdicts.begin(), r.verdicts.end(), [](const Verdict& v) { return v.keep; });
  j["blocks"] = {{"total", r.doc.blocks.size()}, {"kept", kept}};
  j["removed_phrases"] = r.injection.phrases;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The last `max_bytes` bytes of s, starting on a character boundary (tag
// names of unknown elements may hold any character).
std::string Tail(std::string_view s, std::size_t max_bytes) {
  std::size_t from = s.size() > max_bytes ? s.size() - max_bytes : 0;
  while (from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
  return std::string(s.substr(from));
}

std::string Short(std::string_view s, std::size_t max_cp) {
  std::string out;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < s.size() && cp < max_cp;) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    out.append(c == '\n' ? std::string_view(" ") : s.substr(start, i - start));
    ++cp;
  }
  if (cp >= max_cp) out += "...";
  return out;
}

}  // namespace

void AddResultFields(const Result& r, const Ruleset& rules, nlohmann::ordered_json* j) {
  (*j)["text"] = RenderText(r);
  (*j)["title"] = r.injection.title;
  (*j)["author"] = r.doc.meta.author;
  (*j)["date"] = !r.doc.meta.date.empty() ? r.doc.meta.date : r.injection.date;
  (*j)["site_name"] = !r.doc.meta.site_name.empty() ? r.doc.meta.site_name : r.injection.site_suffix;
  (*j)["language"] = r.language;
  std::map<std::string, int> removed;
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i)
    if (!r.verdicts[i].keep) ++removed[RemovalFamily(r, rules, i)];
  (*j)["removed"] = removed;
}

std::string RemovalFamily(const Result& r, const Ruleset& rules, std::size_t i) {
  const Verdict& v = r.verdicts[i];
  if (v.forced_by >= 0) return rules.rules()[v.forced_by].family;
  int worst = -1;
  double worst_w = 0;
  for (int rule : v.rules) {
    const double w = SignedWeight(rules.rules()[rule]);
    if (w < worst_w) {
      worst_w = w;
      worst = rule;
    }
  }
  if (worst >= 0) return rules.rules()[worst].family;
  if (!InContainer(r.doc, r.container, static_cast<int>(i))) return "outside-container";
  if (v.why == "context") return "context";
  if (v.why.rfind("header", 0) == 0) return "header";
  return "density";
}

std::string RenderExplain(const Result& r, Format format, const Ruleset& rules, const std::string& source) {
  const std::string input = r.kind == InputKind::kHtml ? "html" : "text";
  const std::string container = r.container.reason.empty() ? "none" : r.container.reason;
  if (format == Format::kJson) {
    nlohmann::ordered_json j;
    j["source"] = source;
    j["input"] = input;
    j["input_reason"] = r.kind_reason;
    j["charset"] = r.charset;
    j["charset_reason"] = r.charset_reason;
    j["language"] = r.language;
    j["container"] = container;
    j["depth_capped"] = r.depth_capped;
    j["guarded"] = r.guarded;
    j["widened"] = r.widened;
    j["from_template"] = r.from_template;
    j["from_metadata"] = r.from_metadata;
    j["removed_phrases"] = r.injection.phrases;
    j["title"] = r.injection.title;
    nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < r.doc.blocks.size(); ++i) {
      const Features& f = r.features[i];
      const Verdict& v = r.verdicts[i];
      nlohmann::ordered_json b;
      b["keep"] = v.keep;
      b["score"] = v.score;
      b["initial"] = ClassName(v.initial);
      b["class"] = ClassName(v.cls);
      b["by"] = v.why;
      b["inside"] = InContainer(r.doc, r.container, static_cast<int>(i));
      b["chars"] = f.chars;
      b["words"] = f.words;
      b["link_density"] = f.link_density;
      b["stopword_ratio"] = f.stopword_ratio;
      b["terminal"] = f.terminal;
      nlohmann::ordered_json fired = nlohmann::ordered_json::array();
      for (int k : v.rules) fired.push_back(rules.rules()[k].name);
      b["rules"] = fired;
      if (r.doc.kind == InputKind::kHtml) {
        b["path"] = r.doc.blocks[i].tag_path;
      } else {
        b["line"] = r.doc.blocks[i].line;
      }
      b["text"] = r.doc.blocks[i].text;
      blocks.push_back(std::move(b));
    }
    j["blocks"] = std::move(blocks);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  std::ostringstream out;
  out << "source:    " << source << "\n";
  out << "input:     " << input << " (" << r.kind_reason << ")\n";
  out << "charset:   " << r.charset << " (" << r.charset_reason << ")\n";
  out << "language:  " << (r.language.empty() ? "unknown" : r.language) << "\n";
  out << "container: " << container << "\n";
  if (r.depth_capped > 0)
    out << "depth:     nesting too deep; " << r.depth_capped << " start tags beyond the cap were flattened\n";
  if (r.guarded) out << "guard:     pruning removed most of the container's prose; its prose blocks were restored\n";
  if (r.widened) out << "fallback:  too little text kept; widened to every unpenalised block of the container\n";
  if (r.from_template)
    out << "fallback:  too little text kept; the page's <script type=\"text/template\"> markup, cleaned as a page "
           "of its own, holds more and replaces it\n";
  if (r.from_metadata)
    out << "fallback:  still too little text; the page's metadata (JSON-LD articleBody or description) is longer "
           "and replaces it\n";
  for (const std::string& p : r.injection.phrases) out << "injected:  \"" << p << "\" removed\n";
  if (!r.injection.title.empty()) out << "title:     " << r.injection.title << "\n";
  out << "blocks:    " << r.doc.blocks.size() << "\n\n";
  char buf[256];
  for (std::size_t i = 0; i < r.doc.blocks.size(); ++i) {
    const Features& f = r.features[i];
    const Verdict& v = r.verdicts[i];
    std::snprintf(buf, sizeof buf,
                  "#%-4zu %-4s %5.2f %-8s->%-8s chars=%d words=%d ld=%.2f stop=%.2f punct=%d %s",
                  i, v.keep ? "KEEP" : "drop", v.score, ClassName(v.initial), ClassName(v.cls), f.chars,
                  f.words, f.link_density, f.stopword_ratio, f.terminal ? 1 : 0,
                  InContainer(r.doc, r.container, static_cast<int>(i)) ? "in" : "out");
    out << buf << " by=" << v.why;
    if (!v.rules.empty()) {
      out << " rules=";
      for (std::size_t k = 0; k < v.rules.size(); ++k)
        out << (k ? "," : "") << rules.rules()[v.rules[k]].name;
    }
    out << "\n      " << (r.doc.kind == InputKind::kHtml ? Tail(r.doc.blocks[i].tag_path, 60)
                                                       : "line " + std::to_string(r.doc.blocks[i].line))
        << " | " << Short(r.doc.blocks[i].text, 100) << "\n";
  }
  return out.str();
}

std::string Render(const Result& r, Format format, const Ruleset& rules, const std::string& source) {
  switch (format) {
    case Format::kText: return RenderText(r);
    case Format::kJson: return RenderJson(r, rules, source);
    case Format::kMarkdown: return RenderMarkdown(r);
    case Format::kHtml: return RenderHtml(r);
  }
  return "";
}

}  // namespace pith
