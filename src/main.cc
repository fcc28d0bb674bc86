// pith: the command-line front end. Parses flags, calls the library, prints,
// and picks the exit code. No cleaning logic lives here.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "batch/batch.h"
#include "batch/inputs.h"
#include "batch/progress.h"
#include "choices.h"
#include "output/render.h"
#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDocumentFailed = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: pith [OPTIONS] [FILE|DIR...]

Cleans web pages: prints the article body without navigation, related-link
lists, prompts, bylines and injected spam phrases. Reads each FILE (HTML or
plain text with one paragraph per line), every regular file under each DIR
(recursively, sorted), or standard input when no FILE or "-" is given.
WARC files (.warc, .warc.gz, or content starting "WARC/1.") give one JSON
Lines record per HTML page with HTTP status 200.

Examples:
  pith page.html                   clean text of a saved page
  curl -s https://example.org/ | pith --format markdown
  pith --explain page.html         why every block was kept or dropped
  pith --format json *.html        one JSON object per line and file
  pith --jsonl < in.jsonl > out.jsonl
  pith CC-MAIN-*.warc.gz > pages.jsonl
  pith --output-dir clean/ pages/  clean/<name>.txt for each pages/<name>.html

Options)";

constexpr const char* kExitCodes = R"(
Exit status:
  0  every document was cleaned
  1  at least one document, record or file could not be read, decoded,
     cleaned within --timeout or written, or a WARC file was cut short (the
     others are still cleaned; each failure is reported on standard error)
  2  usage error: bad option, a rules file that does not load, an unreadable
     --files-from list, or two inputs that would write the same
     --output-dir file
)";

}  // namespace

int main(int argc, char** argv) {
  std::string input, format, favor, rules_dir, encoding, output_dir, files_from, max_bytes;
  std::vector<std::string> add_rules, files;
  int jobs = 0;
  double timeout = pith::CleanOptions().timeout_seconds;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version", "print the version and exit")
      ("input,i", po::value(&input)->default_value("auto"),
       "input kind: auto (decide per document from its bytes), html, text")
      ("format,f", po::value(&format)->default_value("text"),
       "output: text (paragraph per line), json (text + metadata + removal counts, one object per line), "
       "markdown (headings, lists, quotes, tables), html (sanitised article markup)")
      ("explain", "print every block with its features, rules, score and decision instead of the text; with --format json: one JSON object per document with every block in full")
      ("favor", po::value(&favor)->default_value("balanced"),
       "balanced, precision (drop doubtful blocks) or recall (keep doubtful blocks)")
      ("rules", po::value(&rules_dir), "replace the built-in rules with the *.rules files of DIR")
      ("add-rules", po::value(&add_rules)->composing(), "add the rules of FILE to the rule set (repeatable)")
      ("encoding", po::value(&encoding), "force the input charset (iconv name, e.g. windows-1252); default: detect")
      ("no-repair", "keep injected spam phrases inside kept sentences (do not repair)")
      ("jsonl", "read JSON Lines records {\"id\"|\"url\", \"html\"|\"text\", ...} and write one record per "
       "input record, in order: the input fields without \"html\", plus text, title, author, date, site_name, "
       "language and removed; a bad record gives {\"id\", \"error\"}")
      ("keep-input", "with --jsonl: keep the \"html\" field in the output records")
      ("output-dir", po::value(&output_dir)->value_name("DIR"),
       "write one file per input under DIR, mirroring its relative name, with the extension of the output "
       "(.txt, .json, .md, .html; .jsonl for JSON Lines and WARC)")
      ("files-from", po::value(&files_from)->value_name("LIST"), "read input paths from LIST, one per line (\"-\": standard input)")
      ("jobs,j", po::value(&jobs)->default_value(0)->value_name("N"),
       ("worker threads; 0 = all cores (" + std::to_string(cores) + " here). Output stays in input order").c_str())
      ("max-bytes", po::value(&max_bytes)->default_value("64M")->value_name("N"),
       "cut longer documents to N bytes (suffix K, M, G) at a tag or line end, clean them, and warn")
      ("timeout", po::value(&timeout)->default_value(timeout)->value_name("SECONDS"),
       "time budget per document (decoding to repair, not reading or writing); a document over it fails with "
       "\"time budget of N s exceeded in <stage>\" and the others go on; 0 = no limit")
      ("quiet,q", "no progress line and no summary on standard error (errors and warnings still show)");
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
  pith::Format fmt = pith::Format::kText;
  for (const pith::Status& s : {pith::ParseInputMode(input, &options.input), pith::ParseFormat(format, &fmt),
                                pith::ParseFavor(favor, &options.score.favor)}) {
    if (!s.ok()) {
      std::cerr << "pith: --" << s.message() << "\n";
      return kExitUsage;
    }
  }
  options.decode.encoding = encoding;
  options.repair_injections = !vm.count("no-repair");
  if (!(timeout >= 0)) {
    std::cerr << "pith: --timeout must be a number of seconds, 0 or more (0: no limit), not " << timeout << "\n";
    return kExitUsage;
  }
  options.timeout_seconds = timeout;

  pith::batch::BatchOptions batch;
  batch.clean = options;
  batch.format = fmt;
  batch.explain = vm.count("explain") > 0;
  batch.jsonl = vm.count("jsonl") > 0;
  batch.keep_input = vm.count("keep-input") > 0;
  batch.output_dir = output_dir;
  if (batch.explain && batch.jsonl) {
    std::cerr << "pith: --explain works on documents, not with --jsonl\n";
    return kExitUsage;
  }
  if (jobs < 0) {
    std::cerr << "pith: --jobs must be 0 (all cores) or more, not " << jobs << "\n";
    return kExitUsage;
  }
  batch.threads = jobs == 0 ? cores : static_cast<unsigned>(jobs);
  const auto limit = pith::batch::ParseByteSize(max_bytes);
  if (!limit || *limit > SIZE_MAX / 16) {
    std::cerr << "pith: --max-bytes must be a positive number of bytes (suffix K, M or G allowed), not '" << max_bytes
              << "'\n";
    return kExitUsage;
  }
  batch.max_bytes = static_cast<std::size_t>(*limit);

  // One rule set, shared by every worker thread, and compiled by as many.
  const pith::RulesChoice rules_choice{rules_dir, add_rules};
  auto load_rules = [&](pith::Ruleset* rules) { return pith::LoadRules(rules_choice, rules, batch.threads); };
  pith::Ruleset rules;
  if (const pith::Status s = load_rules(&rules); !s.ok()) {
    std::cerr << "pith: " << s.message() << "\n";
    return kExitUsage;
  }

  if (!files_from.empty()) {
    const pith::Status s = pith::batch::ReadPathList(files_from, &files);
    if (!s.ok()) {
      std::cerr << "pith: " << s.message() << "\n";
      return kExitUsage;
    }
  } else if (files.empty()) {
    files.push_back("-");
  }
  const std::vector<pith::batch::InputFile> inputs = pith::batch::ExpandInputs(files);
  if (!batch.output_dir.empty()) {
    const pith::Status s = pith::batch::CheckOutputNames(inputs, pith::batch::OutputExtension(batch));
    if (!s.ok()) {
      std::cerr << "pith: " << s.message() << "\n";
      return kExitUsage;
    }
  }

  const bool quiet = vm.count("quiet") > 0;
  const bool show_progress = !quiet && isatty(STDERR_FILENO);
  pith::batch::ProgressThrottle throttle;
  pith::batch::BatchIo io;
  io.out = &std::cout;
  io.report = [&](const std::string& message) {
    if (throttle.shown()) std::cerr << "\r\033[K";
    std::cerr << "pith: " << message << "\n";
  };
  if (show_progress)
    io.progress = [&](const pith::batch::BatchStats& s) {
      if (s.total != 1 && throttle.Due()) std::cerr << "\rpith: " << pith::batch::FormatProgress(s) << "\033[K" << std::flush;
    };
  const pith::batch::BatchStats stats = pith::batch::RunBatch(inputs, batch, rules, io);
  std::cout.flush();
  if (throttle.shown()) std::cerr << "\r\033[K";
  if (!quiet && stats.documents > 1) std::cerr << "pith: " << pith::batch::FormatSummary(stats) << "\n";
  if (!std::cout) {
    std::cerr << "pith: cannot write to standard output\n";
    return kExitDocumentFailed;
  }
  // Returning would free the rule set's automata, with every DFA state the
  // batch built (some 10 ms for this corpus-sized batch, on one thread,
  // after the workers are done); the process is ending, so std::exit leaves
  // that memory to the OS, as compilers do. Streams are flushed as on return.
  std::exit(stats.failures > 0 ? kExitDocumentFailed : kExitOk);
}
