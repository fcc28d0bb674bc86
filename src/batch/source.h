// source: the byte streams a batch reads from. Files and standard input are
// read in fixed-size chunks, gzip is inflated member by member, and lines are
// read with a length cap, so memory stays constant whatever the input size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "status.h"

namespace pith::batch {

// A forward-only stream of bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf. Returns the count; 0 means the end of the
  // stream, or an error when status() is not ok.
  virtual std::size_t Read(char* buf, std::size_t n) = 0;
  virtual const Status& status() const = 0;
};

// A file, or standard input for "-". Opening never fails loudly: check ok().
class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  bool ok() const { return fd_ >= 0 && status_.ok(); }
  bool is_stdin() const { return stdin_; }

  // The first bytes of the stream (up to n, fewer at its end) without
  // consuming them: the next Read starts from the same place.
  std::string_view Peek(std::size_t n);

  std::size_t Read(char* buf, std::size_t n) override;
  const Status& status() const override { return status_; }

 private:
  int fd_ = -1;
  bool stdin_ = false;
  std::string path_;
  std::string peeked_;  // bytes read by Peek, not yet consumed
  std::size_t peeked_pos_ = 0;
  Status status_;
};

// Inflates a gzip stream of one or more concatenated members (the layout of
// .warc.gz files: one member per record). Cost: a 64 KiB input buffer and
// zlib's 32 KiB window, whatever the stream size. A stream that ends inside
// a member is reported as truncated.
class GzipSource : public ByteSource {
 public:
  // `raw` must outlive this object; `name` is used in error messages.
  GzipSource(ByteSource* raw, std::string name);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  std::size_t Read(char* buf, std::size_t n) override;
  const Status& status() const override { return status_; }

 private:
  struct State;
  ByteSource* raw_;
  std::string name_;
  std::unique_ptr<State> state_;
  Status status_;
};

// True when the bytes start with the gzip magic number.
bool IsGzip(std::string_view head);

// The first up to n bytes of a gzip stream whose beginning is `head`
// ("" when `head` is not gzip or does not inflate).
std::string InflateHead(std::string_view head, std::size_t n);

// Reads lines and exact byte counts from a ByteSource through one buffer.
class BufferedReader {
 public:
  // `source` must outlive the reader.
  explicit BufferedReader(ByteSource* source);

  // Reads the next line without its "\n" (nor a "\r" before it). A line
  // longer than `max` bytes is consumed whole but only its first `max` bytes
  // are kept, and *too_long is set. Returns false at the end of the stream
  // when nothing was read.
  bool ReadLine(std::string* line, std::size_t max, bool* too_long);

  // Appends up to n bytes to *out (nullptr discards them). Returns the count,
  // less than n only at the end of the stream.
  std::uint64_t ReadBytes(std::uint64_t n, std::string* out);

  // Bytes consumed so far.
  std::uint64_t offset() const { return offset_; }
  const Status& status() const { return source_->status(); }

 private:
  bool Fill();

  ByteSource* source_;
  std::string buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t offset_ = 0;
};

// Where to cut `bytes` so that at most `max` bytes remain, at a safe
// boundary: just after the last '>' or newline in the final 64 KiB before
// `max` (so no tag or line is split), else at the start of a UTF-8 sequence.
std::size_t SafeCut(std::string_view bytes, std::size_t max);

// Reads a whole document of at most `max` bytes. A longer one is cut with
// SafeCut and *truncated set; the rest of standard input is drained so the
// writer does not get a broken pipe.
Status ReadDocument(FileSource* source, std::size_t max, std::string* out, bool* truncated);

}  // namespace pith::batch
