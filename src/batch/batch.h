// batch: cleans many documents -- files, directories, JSON Lines records,
// WARC pages -- on several threads, with results in input order.
//
//   inputs -> JobSource (reads files, lines, WARC records; main thread)
//          -> Process (Clean + render; worker threads)
//          -> in-order emit (standard output or --output-dir files; main thread)
//
// Memory is constant over a batch: inputs are streamed, each document is
// at most max_bytes long, and at most 32 x threads documents are in flight,
// fewer when the records read ahead and the results waiting to be written
// reach 4 x threads x max_bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/inputs.h"
#include "batch/progress.h"
#include "output/render.h"
#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace pith::batch {

struct BatchOptions {
  CleanOptions clean;                           // per document: --input, --encoding, --favor, --no-repair, --timeout
  Format format = Format::kText;                // --format, for documents (records always give JSON Lines)
  bool explain = false;                         // --explain: the report instead of the text
  bool jsonl = false;                           // --jsonl: inputs hold JSON Lines records (see jsonl.h)
  bool keep_input = false;                      // --keep-input: keep "html" in JSON Lines output
  std::string output_dir;                       // --output-dir: one output file per input; "" = io.out
  std::size_t max_bytes = std::size_t{64} << 20;  // --max-bytes: longer documents are cut (SafeCut), with a warning
  unsigned threads = 1;                         // -j: worker threads; 1 runs everything on the calling thread
};

struct BatchIo {
  std::ostream* out = nullptr;                          // results when output_dir is ""
  std::function<void(const std::string&)> report;       // one error or warning, e.g. "a.html: cannot read file"
  std::function<void(const BatchStats&)> progress;      // after each document, in order; may be empty
};

// Cleans every input in order. Failures (an input that cannot be read, a
// document that cannot be decoded, a bad JSON Lines record, a truncated WARC
// file, an output file that cannot be written) go to io.report and are
// counted in the returned stats; the batch goes on. JSON Lines and WARC
// inputs give JSON Lines; other documents give `format`, with "==> path <=="
// headers when several go to one stream as text, markdown or html.
// All worker threads share `rules`: RE2 sets are matched concurrently, each
// search holding its DFA cache under a reader lock only.
BatchStats RunBatch(const std::vector<InputFile>& inputs, const BatchOptions& options, const Ruleset& rules,
                    const BatchIo& io);

// The extension of --output-dir files: ".jsonl" for JSON Lines, else by
// format (".txt" for text and --explain, ".json", ".md", ".html"). WARC
// inputs always get ".jsonl".
std::string OutputExtension(const BatchOptions& options);

}  // namespace pith::batch
