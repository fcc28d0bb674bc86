#include "document/sniff.h"

#include <re2/re2.h>

#include <cctype>

namespace pith {

Sniffed SniffInputKind(std::string_view utf8) {
  std::string_view head = utf8.substr(0, 4096);
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string start;
  for (std::size_t k = i; k < head.size() && start.size() < 9; ++k)
    start += static_cast<char>(std::tolower(static_cast<unsigned char>(head[k])));
  for (const char* prefix : {"<!doctype", "<html", "<?xml", "<!--", "<head", "<body"}) {
    if (start.rfind(prefix, 0) == 0) return {InputKind::kHtml, std::string("starts with ") + prefix};
  }
  static const RE2 kTag(
      R"((?i)<(?:p|div|br|a|span|table|li|ul|meta|title|script|h[1-6]|img|section|article)[\s/>])");
  re2::StringPiece input(head.data(), head.size());
  int tags = 0;
  while (tags < 2 && RE2::FindAndConsume(&input, kTag)) ++tags;
  if (tags >= 2) return {InputKind::kHtml, "contains HTML tags"};
  return {InputKind::kText, tags == 0 ? "no HTML tags" : "a single tag-like string only"};
}

}  // namespace pith
