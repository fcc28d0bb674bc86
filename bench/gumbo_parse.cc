// bench_gumbo_parse: the floor for bench/throughput. Parses every file given
// (directories recursively) with Gumbo and nothing else: no decoding, no
// cleaning. Prints "N documents, B bytes".
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) found.push_back(e.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::size_t documents = 0, bytes = 0, nodes = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string html = s.str();
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    nodes += out->root->type == GUMBO_NODE_ELEMENT ? out->root->v.element.children.length : 0;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    ++documents;
    bytes += html.size();
  }
  std::printf("%zu documents, %zu bytes (%zu top-level nodes)\n", documents, bytes, nodes);
  return 0;
}
