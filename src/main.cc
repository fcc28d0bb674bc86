// pith: the command-line front end. Parses flags, calls the library, prints,
// and picks the exit code. No cleaning logic lives here.
#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "output/render.h"
#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDocumentFailed = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: pith [OPTIONS] [FILE...]

Cleans web pages: prints the article body without navigation, related-link
lists, prompts, bylines and injected spam phrases. Reads each FILE (HTML or
plain text with one paragraph per line), or standard input when no FILE or
"-" is given.

Examples:
  pith page.html                   clean text of a saved page
  curl -s https://example.org/ | pith --format markdown
  pith --explain page.html         why every block was kept or dropped
  pith --format json *.html        one JSON object per line and file

Options)";

constexpr const char* kExitCodes = R"(
Exit status:
  0  every document was cleaned
  1  at least one document could not be read or decoded (the others are
     still cleaned; each failure is reported on standard error)
  2  usage error: bad option, or a rules file that does not load
)";

bool ReadAll(const std::string& path, std::string* out) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    *out = s.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, format, favor, rules_dir, encoding;
  std::vector<std::string> add_rules, files;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version", "print the version and exit")
      ("input,i", po::value(&input)->default_value("auto"),
       "input kind: auto (decide per document from its bytes), html, text")
      ("format,f", po::value(&format)->default_value("text"),
       "output: text (paragraph per line), json (text + metadata + removal counts, one object per line), "
       "markdown (headings, lists, quotes, tables), html (sanitised article markup)")
      ("explain", "print every block with its features, rules, score and decision instead of the text")
      ("favor", po::value(&favor)->default_value("balanced"),
       "balanced, precision (drop doubtful blocks) or recall (keep doubtful blocks)")
      ("rules", po::value(&rules_dir), "replace the built-in rules with the *.rules files of DIR")
      ("add-rules", po::value(&add_rules)->composing(), "add the rules of FILE to the rule set (repeatable)")
      ("encoding", po::value(&encoding), "force the input charset (iconv name, e.g. windows-1252); default: detect")
      ("no-repair", "keep injected spam phrases inside kept sentences (do not repair)");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "pith: " << e.what() << "\nTry 'pith --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible << kExitCodes;
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << "pith " << PITH_VERSION << "\n";
    return kExitOk;
  }

  pith::CleanOptions options;
  if (input == "auto") options.input = pith::InputMode::kAuto;
  else if (input == "html") options.input = pith::InputMode::kHtml;
  else if (input == "text") options.input = pith::InputMode::kText;
  else {
    std::cerr << "pith: --input must be auto, html or text, not '" << input << "'\n";
    return kExitUsage;
  }
  pith::Format fmt;
  if (format == "text") fmt = pith::Format::kText;
  else if (format == "json") fmt = pith::Format::kJson;
  else if (format == "markdown" || format == "md") fmt = pith::Format::kMarkdown;
  else if (format == "html") fmt = pith::Format::kHtml;
  else {
    std::cerr << "pith: --format must be text, json, markdown or html, not '" << format << "'\n";
    return kExitUsage;
  }
  if (favor == "balanced") options.score.favor = pith::Favor::kBalanced;
  else if (favor == "precision") options.score.favor = pith::Favor::kPrecision;
  else if (favor == "recall") options.score.favor = pith::Favor::kRecall;
  else {
    std::cerr << "pith: --favor must be balanced, precision or recall, not '" << favor << "'\n";
    return kExitUsage;
  }
  options.decode.encoding = encoding;
  options.repair_injections = !vm.count("no-repair");

  pith::Ruleset rules;
  if (!rules_dir.empty() || !add_rules.empty()) {
    pith::Status s = rules_dir.empty() ? pith::Status::Ok() : rules.AddDirectory(rules_dir);
    if (rules_dir.empty()) rules = pith::Ruleset::Default();
    for (const std::string& f : add_rules)
      if (s.ok()) s = rules.AddPath(f);
    if (s.ok()) s = rules.Compile();
    if (!s.ok()) {
      std::cerr << "pith: " << s.message() << "\n";
      return kExitUsage;
    }
  } else {
    rules = pith::Ruleset::Default();
  }

  if (files.empty()) files.push_back("-");
  const bool explain = vm.count("explain") > 0;
  const bool headers = files.size() > 1 && fmt != pith::Format::kJson && !explain;
  int status = kExitOk;
  for (const std::string& path : files) {
    std::string bytes;
    if (!ReadAll(path, &bytes)) {
      std::cerr << "pith: " << path << ": cannot read file\n";
      status = kExitDocumentFailed;
      continue;
    }
    const pith::Result result = pith::Clean(bytes, options, rules);
    if (!result.status.ok()) {
      std::cerr << "pith: " << (path == "-" ? "<stdin>" : path) << ": " << result.status.message() << "\n";
      status = kExitDocumentFailed;
      continue;
    }
    if (headers) std::cout << "==> " << path << " <==\n";
    std::cout << (explain ? pith::RenderExplain(result, rules, path) : pith::Render(result, fmt, rules, path));
    if (headers) std::cout << "\n";
  }
  std::cout.flush();
  return status;
}
