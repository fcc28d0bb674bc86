#include "batch/batch.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "batch/jsonl.h"
#include "batch/ordered.h"
#include "batch/source.h"
#include "batch/warc.h"

namespace pith::batch {
namespace fs = std::filesystem;

namespace {

// A JSON Lines line may hold a page escaped as JSON (up to 6 bytes per input
// byte for \uXXXX): lines up to this multiple of --max-bytes are parsed.
constexpr std::size_t kLineFactor = 8;
// Items in flight per worker thread: many, so that one slow page does not
// leave the other workers idle once they have run ahead of it...
constexpr std::size_t kWindowPerThread = 32;
// ...but no more pulled while those in flight weigh this many times
// --max-bytes per thread (records read on this thread, results not yet
// written).
constexpr std::size_t kWindowBytesPerThread = 4;

enum class JobKind {
  kDocument,  // a whole file
  kRecord,    // one JSON Lines line
  kWarc,      // one WARC page
  kFailed,    // an input that could not be read, or a WARC file cut short
  kEnd,       // the end of an input (closes its --output-dir file)
};

struct Job {
  JobKind kind = JobKind::kEnd;
  std::size_t input = 0;          // index into the inputs
  std::string name;               // for messages: "path", "path:line", "path: record N <id>"
  std::size_t line = 0;           // JSON Lines: 1-based line number
  std::string bytes;              // the document, the record's line or the WARC payload
  std::string charset;            // WARC: from the HTTP Content-Type
  nlohmann::ordered_json fields;  // WARC: warc_record_id and url
  std::string error;              // kFailed: why; a record or page: why it cannot be cleaned
  std::string warning;            // cut to --max-bytes
  bool records = false;           // the input is read as JSON Lines or WARC records
  std::unique_ptr<FileSource> file;  // kDocument: the opened file, read by the worker (reads run in parallel)
};

struct Done {
  JobKind kind = JobKind::kEnd;
  std::size_t input = 0;
  std::string output;
  std::string error;
  std::string warning;
  std::uint64_t bytes = 0;
  bool records = false;
};

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string TruncationWarning(const std::string& name, std::size_t max, std::size_t kept) {
  return name + ": larger than --max-bytes (" + std::to_string(max) + " bytes): cleaned the first " +
         std::to_string(kept) + " bytes";
}

// Reads the inputs one after the other and cuts them into jobs. Runs on the
// calling thread only; holds one input open at a time.
class JobSource {
 public:
  JobSource(const std::vector<InputFile>& inputs, const BatchOptions& options)
      : inputs_(inputs), options_(options) {
    total_known_ = !options.jsonl;
  }

  bool Next(Job* job) {
    *job = Job();
    while (index_ < inputs_.size()) {
      const InputFile& input = inputs_[index_];
      job->input = index_;
      job->name = DisplayName(input.path);
      job->records = records_;
      switch (state_) {
        case State::kStart:
          if (Open(input, job)) return true;
          break;
        case State::kLines:
          if (NextLine(job)) return true;
          break;
        case State::kWarc:
          if (NextPage(job)) return true;
          break;
        case State::kFinish:
          job->kind = JobKind::kEnd;
          warc_.reset();
          lines_.reset();
          gzip_.reset();
          file_.reset();
          line_ = 0;
          records_ = false;
          state_ = State::kStart;
          ++index_;
          return true;
      }
    }
    return false;
  }

  // False once a WARC file or JSON Lines made the number of documents unknown.
  bool total_known() const { return total_known_; }

 private:
  enum class State { kStart, kLines, kWarc, kFinish };

  bool Fail(std::string message, Job* job) {
    job->kind = JobKind::kFailed;
    job->error = std::move(message);
    state_ = State::kFinish;
    return true;
  }

  // Opens an input; true when that already produced a job.
  bool Open(const InputFile& input, Job* job) {
    if (!input.error.empty()) return Fail(input.error, job);
    file_ = std::make_unique<FileSource>(input.path);
    if (!file_->ok()) return Fail(file_->status().message(), job);
    if (IsWarc(input.path, file_.get())) {
      total_known_ = false;
      records_ = true;
      warc_ = std::make_unique<WarcReader>(file_.get(), job->name, options_.max_bytes);
      state_ = State::kWarc;
      return false;
    }
    if (options_.jsonl) {
      ByteSource* raw = file_.get();
      if (IsGzip(file_->Peek(2))) {
        gzip_ = std::make_unique<GzipSource>(file_.get(), job->name);
        raw = gzip_.get();
      }
      lines_ = std::make_unique<BufferedReader>(raw);
      records_ = true;
      state_ = State::kLines;
      return false;
    }
    job->kind = JobKind::kDocument;
    job->file = std::move(file_);
    state_ = State::kFinish;
    return true;
  }

  bool NextLine(Job* job) {
    const std::size_t max_line = options_.max_bytes * kLineFactor;
    bool too_long = false;
    for (;;) {
      if (!lines_->ReadLine(&job->bytes, max_line, &too_long)) {
        state_ = State::kFinish;
        if (!lines_->status().ok()) return Fail(lines_->status().message(), job);
        return false;
      }
      ++line_;
      if (job->bytes.find_first_not_of(" \t\r") != std::string::npos) break;  // blank lines are no records
    }
    job->kind = JobKind::kRecord;
    job->line = line_;
    job->name.append(":").append(std::to_string(line_));
    if (too_long) {
      job->bytes.clear();
      job->error = "line longer than " + std::to_string(max_line) + " bytes (" + std::to_string(kLineFactor) +
                     " x --max-bytes): skipped";
    }
    return true;
  }

  bool NextPage(Job* job) {
    WarcRecord rec;
    if (!warc_->Next(&rec)) {
      if (!warc_->status().ok()) return Fail(warc_->status().message(), job);
      state_ = State::kFinish;
      return false;
    }
    job->kind = JobKind::kWarc;
    job->name += ": record " + std::to_string(rec.number) + " " + rec.record_id;
    job->fields["warc_record_id"] = rec.record_id;
    job->fields["url"] = rec.target_uri;
    job->charset = rec.charset;
    job->bytes = std::move(rec.body);
    job->error = rec.error;
    if (rec.truncated) job->warning = TruncationWarning(job->name, options_.max_bytes, job->bytes.size());
    return true;
  }

  const std::vector<InputFile>& inputs_;
  const BatchOptions& options_;
  std::size_t index_ = 0;
  State state_ = State::kStart;
  std::unique_ptr<FileSource> file_;
  std::unique_ptr<GzipSource> gzip_;
  std::unique_ptr<BufferedReader> lines_;
  std::unique_ptr<WarcReader> warc_;
  std::size_t line_ = 0;
  bool records_ = false;  // the current input is read as records
  bool total_known_ = true;
};

// Cleans one job; runs on the worker threads, which share the rule set and
// write nothing shared.
class Processor {
 public:
  Processor(const BatchOptions& options, const Ruleset& rules, bool headers)
      : options_(options), rules_(rules), headers_(headers) {}

  Done operator()(Job&& job) const {
    Done done;
    done.kind = job.kind;
    done.input = job.input;
    done.records = job.records;
    switch (job.kind) {
      case JobKind::kDocument: Document(job, rules_, &done); break;
      case JobKind::kRecord: Record(job, rules_, &done); break;
      case JobKind::kWarc: Page(job, rules_, &done); break;
      case JobKind::kFailed: done.error = job.error; break;
      case JobKind::kEnd: break;
    }
    return done;
  }

 private:
  void Document(Job& job, const Ruleset& rules, Done* done) const {
    bool truncated = false;
    const Status read = ReadDocument(job.file.get(), options_.max_bytes, &job.bytes, &truncated);
    job.file.reset();
    if (!read.ok()) {
      done->kind = JobKind::kFailed;
      done->error = read.message();
      return;
    }
    if (truncated) done->warning = TruncationWarning(job.name, options_.max_bytes, job.bytes.size());
    done->bytes = job.bytes.size();
    const Result r = Clean(job.bytes, options_.clean, rules);
    if (!r.status.ok()) {
      done->error = job.name + ": " + r.status.message();
      return;
    }
    const std::string& path = job.name == "<stdin>" ? "-" : job.name;
    if (headers_) done->output = "==> " + path + " <==\n";
    done->output += options_.explain ? RenderExplain(r, options_.format, rules, path) : Render(r, options_.format, rules, path);
    if (headers_) done->output += "\n";
  }

  void Record(Job& job, const Ruleset& rules, Done* done) const {
    if (!job.error.empty()) {  // too long to parse
      Fail(nullptr, job.line, job.name + ": " + job.error, done);
      return;
    }
    JsonlInput in = ParseJsonlLine(job.bytes, options_.keep_input);
    job.bytes = std::string();
    if (!in.error.empty()) {
      Fail(in.fields, job.line, job.name + ": " + in.error, done);
      return;
    }
    CleanOptions clean = options_.clean;
    clean.input = in.is_text ? InputMode::kText : InputMode::kHtml;
    if (in.content.size() > options_.max_bytes) {
      in.content.resize(SafeCut(in.content, options_.max_bytes));
      done->warning = TruncationWarning(job.name, options_.max_bytes, in.content.size());
    }
    done->bytes = in.content.size();
    const Result r = Clean(in.content, clean, rules);
    if (!r.status.ok()) {
      Fail(in.fields, job.line, job.name + ": " + r.status.message(), done);
      return;
    }
    done->output = CleanedRecord(std::move(in.fields), r, rules);
  }

  void Page(Job& job, const Ruleset& rules, Done* done) const {
    done->bytes = job.bytes.size();
    if (!job.error.empty()) {
      Fail(job.fields, 0, job.name + ": " + job.error, done);
      return;
    }
    done->warning = job.warning;
    CleanOptions clean = options_.clean;
    clean.input = InputMode::kHtml;
    clean.decode.http_charset = job.charset;
    const Result r = Clean(job.bytes, clean, rules);
    if (!r.status.ok()) {
      Fail(job.fields, 0, job.name + ": " + r.status.message(), done);
      return;
    }
    done->output = CleanedRecord(std::move(job.fields), r, rules);
  }

  static void Fail(const nlohmann::ordered_json& fields, std::size_t line, std::string message, Done* done) {
    done->output = ErrorRecord(fields, line, message);
    done->error = std::move(message);
  }

  const BatchOptions& options_;
  const Ruleset& rules_;
  bool headers_;
};

// Where results go: the output stream, or one file per input under
// --output-dir. Runs on the calling thread, in input order.
class Writer {
 public:
  Writer(const std::vector<InputFile>& inputs, const BatchOptions& options, const BatchIo& io, BatchStats* stats)
      : inputs_(inputs), options_(options), io_(io), stats_(stats) {}

  void Take(const Done& done) {
    if (!done.output.empty()) Write(done);
    if (done.kind == JobKind::kFailed || !done.error.empty()) input_failed_ = true;
    if (done.kind == JobKind::kEnd) {
      // An input that gave no output still gets its (empty) file, unless it failed.
      if (!options_.output_dir.empty() && open_ != done.input && !input_failed_) Open(done);
      Close();
      input_failed_ = false;
    }
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  void Write(const Done& done) {
    if (options_.output_dir.empty()) {
      io_.out->write(done.output.data(), static_cast<std::streamsize>(done.output.size()));
      return;
    }
    if (open_ != done.input) Open(done);
    if (file_.is_open()) file_.write(done.output.data(), static_cast<std::streamsize>(done.output.size()));
  }

  void Open(const Done& done) {
    Close();
    open_ = done.input;
    const InputFile& in = inputs_[done.input];
    const fs::path out =
        fs::path(options_.output_dir) / OutputName(in.relative, done.records ? ".jsonl" : OutputExtension(options_));
    target_ = out.string();
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (in.path != "-" && fs::equivalent(out, in.path, ec)) {
      Failed(target_ + ": would overwrite its own input: choose another --output-dir");
      return;
    }
    file_.open(out, std::ios::binary | std::ios::trunc);
    if (!file_) Failed(target_ + ": cannot write file");
  }

  void Close() {
    if (!file_.is_open()) return;
    file_.close();
    if (file_.fail()) Failed(target_ + ": cannot write file");
  }

  void Failed(const std::string& message) {
    io_.report(message);
    ++stats_->failures;
    file_.close();
  }

  const std::vector<InputFile>& inputs_;
  const BatchOptions& options_;
  const BatchIo& io_;
  BatchStats* stats_;
  std::ofstream file_;
  std::size_t open_ = kNone;
  std::string target_;
  bool input_failed_ = false;
};

}  // namespace

std::string OutputExtension(const BatchOptions& options) {
  if (options.jsonl) return ".jsonl";
  if (options.explain) return ".txt";
  switch (options.format) {
    case Format::kText: return ".txt";
    case Format::kJson: return ".json";
    case Format::kMarkdown: return ".md";
    case Format::kHtml: return ".html";
  }
  return ".txt";
}

BatchStats RunBatch(const std::vector<InputFile>& inputs, const BatchOptions& options, const Ruleset& rules,
                    const BatchIo& io) {
  const auto start = std::chrono::steady_clock::now();
  BatchStats stats;
  const bool headers = options.output_dir.empty() && !options.jsonl && !options.explain &&
                       options.format != Format::kJson && inputs.size() > 1;
  JobSource source(inputs, options);
  const Processor process(options, rules, headers);
  Writer writer(inputs, options, io, &stats);

  auto next = [&](Job* job) { return source.Next(job); };
  auto emit = [&](Done&& done) {
    writer.Take(done);
    if (!done.warning.empty()) io.report(done.warning);
    if (!done.error.empty()) {
      io.report(done.error);
      ++stats.failures;
    }
    if (done.kind == JobKind::kFailed || done.kind == JobKind::kEnd) return;
    ++stats.documents;
    stats.bytes += done.bytes;
    stats.total = source.total_known() ? static_cast<std::int64_t>(inputs.size()) : -1;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (io.progress) io.progress(stats);
  };
  auto work = [&](Job&& job, unsigned /*worker*/) { return process(std::move(job)); };
  struct Weigh {
    std::size_t operator()(const Job& job) const { return job.bytes.size(); }
    std::size_t operator()(const Done& done) const { return done.output.size(); }
  };
  const std::size_t threads = std::max(1u, options.threads);
  Window window;
  window.items = kWindowPerThread * threads;
  window.bytes = options.max_bytes > SIZE_MAX / (kWindowBytesPerThread * threads)
                     ? SIZE_MAX
                     : kWindowBytesPerThread * threads * options.max_bytes;
  RunOrdered<Job, Done>(options.threads, window, next, work, emit, Weigh());

  stats.total = source.total_known() ? static_cast<std::int64_t>(inputs.size()) : -1;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace pith::batch
