// warc: the HTML pages of a WARC file (ISO 28500, WARC/1.0 and 1.1), read
// as a stream: plain, or gzip with one member per record as Common Crawl
// writes them. Only `response` records whose HTTP status is 200 and whose
// Content-Type is text/html or application/xhtml+xml are returned; the
// others are skipped without being held. Memory: one record's HTTP payload
// (at most max_bytes) plus fixed buffers, whatever the file size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "batch/source.h"
#include "status.h"

namespace pith::batch {

struct WarcRecord {
  std::string record_id;   // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string target_uri;  // WARC-Target-URI
  std::string charset;     // charset parameter of the HTTP Content-Type; "" when absent
  std::string body;        // the HTTP payload: de-chunked, gzip/deflate inflated, at most max_bytes
  bool truncated = false;  // the payload was longer than max_bytes and was cut (see SafeCut)
  std::string error;       // the payload could not be decoded (e.g. an unsupported Content-Encoding)
  std::uint64_t number = 0;  // 1-based position of the record in the file, all types counted
};

class WarcReader {
 public:
  // Reads `source` (the raw file: gzip is detected from its first bytes).
  // `name` prefixes error messages.
  WarcReader(FileSource* source, std::string name, std::size_t max_bytes);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Moves to the next HTML response. Returns false at the end of the file,
  // or on an error (then status() says what and where: a malformed header,
  // a record cut short by the end of the file, corrupt gzip data).
  bool Next(WarcRecord* record);
  const Status& status() const { return status_; }

 private:
  bool Fail(std::string message);

  std::string name_;
  std::size_t max_bytes_;
  std::unique_ptr<GzipSource> gzip_;
  std::unique_ptr<BufferedReader> in_;
  std::uint64_t records_ = 0;
  Status status_;
};

// True when the file should be read as WARC: its name ends in .warc or
// .warc.gz, or its content starts with "WARC/1." (after gunzip).
bool IsWarc(const std::string& path, FileSource* source);

}  // namespace pith::batch
