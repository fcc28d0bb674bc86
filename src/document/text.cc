#include "document/text.h"

#include "document/textutil.h"

namespace pith {

Document ParseText(std::string_view utf8) {
  Document doc;
  doc.kind = InputKind::kText;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    ++line_no;
    std::string text = CollapseWhitespace(utf8.substr(pos, end - pos));
    if (!text.empty()) {
      Block b;
      b.text = std::move(text);
      b.tag_path = "line";
      b.line = line_no;
      if (StartsWithBullet(b.text)) b.kind = BlockKind::kListItem;
      doc.blocks.push_back(std::move(b));
    }
    pos = end + 1;
  }
  return doc;
}

}  // namespace pith
