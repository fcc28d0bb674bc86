#include "batch/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace pith::batch {
namespace {

constexpr std::size_t kMaxHeaderLine = 64 * 1024;
constexpr std::size_t kMaxHeaderBytes = 1024 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Header name (lower case) -> value; a repeated name keeps its first value.
using Headers = std::map<std::string, std::string>;

void AddHeader(std::string_view line, Headers* headers) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  headers->emplace(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
}

std::string Get(const Headers& h, const std::string& name) {
  const auto it = h.find(name);
  return it == h.end() ? "" : it->second;
}

bool ParseLength(std::string_view s, std::uint64_t* n) {
  s = Trim(s);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "text/html; charset=ISO-8859-1" -> media type "text/html", charset "ISO-8859-1".
void ParseContentType(std::string_view value, std::string* media, std::string* charset) {
  const std::size_t semi = value.find(';');
  *media = Lower(Trim(value.substr(0, semi)));
  charset->clear();
  for (std::size_t p = semi; p != std::string_view::npos;) {
    const std::size_t next = value.find(';', p + 1);
    std::string_view param = Trim(value.substr(p + 1, next == std::string_view::npos ? next : next - p - 1));
    const std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && Lower(Trim(param.substr(0, eq))) == "charset") {
      std::string_view v = Trim(param.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      *charset = std::string(v);
    }
    p = next;
  }
}

// Undoes HTTP chunked transfer coding; a last chunk cut short keeps what is there.
std::string Dechunk(std::string_view in) {
  std::string out;
  std::size_t p = 0;
  while (p < in.size()) {
    const std::size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) break;
    std::string_view size_line = Trim(in.substr(p, eol - p));
    size_line = size_line.substr(0, size_line.find(';'));
    std::size_t size = 0;
    const auto [end, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || end != size_line.data() + size_line.size() || size == 0) break;
    p = eol + 1;
    out.append(in.substr(p, size));
    p += size;
    if (p < in.size() && in[p] == '\r') ++p;
    if (p < in.size() && in[p] == '\n') ++p;
  }
  return out;
}

// Inflates gzip, zlib or raw deflate data into at most max + 1 bytes.
bool InflateBody(std::string_view in, std::size_t max, std::string* out) {
  for (const int window_bits : {15 + 32, -15}) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return false;
    out->clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[64 * 1024];
    int rc = Z_OK;
    while (rc == Z_OK && out->size() <= max) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
      out->append(buf, sizeof buf - z.avail_out);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;  // payload cut short: keep what came out
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END || rc == Z_OK) return true;
  }
  return false;
}

bool IsHtmlType(const std::string& media) {
  return media == "text/html" || media == "application/xhtml+xml";
}

}  // namespace

WarcReader::WarcReader(FileSource* source, std::string name, std::size_t max_bytes)
    : name_(std::move(name)), max_bytes_(max_bytes) {
  ByteSource* raw = source;
  if (IsGzip(source->Peek(2))) {
    gzip_ = std::make_unique<GzipSource>(source, name_);
    raw = gzip_.get();
  }
  in_ = std::make_unique<BufferedReader>(raw);
}

WarcReader::~WarcReader() = default;

bool WarcReader::Fail(std::string message) {
  // A read error underneath (corrupt or cut gzip data) is the real cause: name it.
  if (!in_->status().ok()) {
    std::string cause = in_->status().message();
    if (cause.rfind(name_ + ": ", 0) == 0) cause.erase(0, name_.size() + 2);
    message = message.empty() ? in_->status().message() : message + ": " + cause;
  }
  status_ = Status::Error(std::move(message));
  return false;
}

bool WarcReader::Next(WarcRecord* rec) {
  if (!status_.ok()) return false;
  std::string line;
  bool too_long = false;
  for (;;) {
    // Blank lines end each record ("\r\n\r\n"); skip them to the next header.
    std::uint64_t start = in_->offset();
    do {
      start = in_->offset();
      if (!in_->ReadLine(&line, kMaxHeaderLine, &too_long)) return in_->status().ok() ? false : Fail("");
    } while (line.empty());
    const std::string where = name_ + ": record " + std::to_string(records_ + 1) + " (byte " + std::to_string(start) +
                              (gzip_ ? " after gunzip)" : ")");
    if (line.rfind("WARC/1.", 0) != 0)
      return Fail(where + ": expected a WARC header line such as \"WARC/1.0\", found \"" + line.substr(0, 40) + "\"");
    ++records_;

    Headers warc;
    std::size_t header_bytes = 0;
    for (;;) {
      if (!in_->ReadLine(&line, kMaxHeaderLine, &too_long))
        return Fail(where + ": truncated: the file ends inside the WARC header");
      if (line.empty()) break;
      header_bytes += line.size();
      if (header_bytes > kMaxHeaderBytes) return Fail(where + ": WARC header longer than 1 MiB");
      AddHeader(line, &warc);
    }
    std::uint64_t length = 0;
    if (!ParseLength(Get(warc, "content-length"), &length))
      return Fail(where + ": missing or malformed Content-Length");
    const std::string id = Get(warc, "warc-record-id");
    const std::string cut_short = where + " " + id + ": truncated: the file ends inside the record (Content-Length " +
                                  std::to_string(length) + ")";
    const std::uint64_t block_start = in_->offset();
    auto skip_rest = [&] {
      const std::uint64_t used = in_->offset() - block_start;
      const std::uint64_t rest = length > used ? length - used : 0;
      return in_->ReadBytes(rest, nullptr) == rest;
    };

    if (Lower(Get(warc, "warc-type")) != "response" ||
        Lower(Get(warc, "content-type")).rfind("application/http", 0) != 0) {
      if (!skip_rest()) return Fail(cut_short);
      continue;
    }

    // The HTTP status line and headers, inside the block.
    Headers http;
    int status_code = 0;
    bool first = true;
    for (;;) {
      if (in_->offset() - block_start >= length) break;
      if (!in_->ReadLine(&line, kMaxHeaderLine, &too_long)) return Fail(cut_short);
      if (in_->offset() - block_start > length) return Fail(where + " " + id + ": HTTP header runs past the end of the record");
      if (first) {
        first = false;
        const std::size_t sp = line.find(' ');
        if (line.rfind("HTTP/", 0) == 0 && sp != std::string::npos)
          std::from_chars(line.data() + sp + 1, line.data() + line.size(), status_code);
        continue;
      }
      if (line.empty()) break;
      AddHeader(line, &http);
    }
    std::string media;
    rec->charset.clear();
    ParseContentType(Get(http, "content-type"), &media, &rec->charset);
    if (status_code != 200 || !IsHtmlType(media)) {
      if (!skip_rest()) return Fail(cut_short);
      continue;
    }

    const std::uint64_t used = in_->offset() - block_start;
    const std::uint64_t payload = length - used;
    std::string raw;
    const std::uint64_t keep = std::min<std::uint64_t>(payload, max_bytes_ + 1);
    if (in_->ReadBytes(keep, &raw) != keep || !skip_rest()) return Fail(cut_short);

    rec->record_id = id;
    rec->target_uri = Get(warc, "warc-target-uri");
    rec->number = records_;
    rec->error.clear();
    if (Lower(Get(http, "transfer-encoding")).find("chunked") != std::string::npos) raw = Dechunk(raw);
    const std::string coding = Lower(Get(http, "content-encoding"));
    if (coding.empty() || coding == "identity") {
      rec->body = std::move(raw);
    } else if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      if (!InflateBody(raw, max_bytes_, &rec->body)) rec->error = "cannot inflate the " + coding + " payload";
    } else {
      rec->body.clear();
      rec->error = "unsupported Content-Encoding '" + coding + "'";
    }
    rec->truncated = rec->body.size() > max_bytes_;
    if (rec->truncated) rec->body.resize(SafeCut(rec->body, max_bytes_));
    return true;
  }
}

bool IsWarc(const std::string& path, FileSource* source) {
  const std::string lower = Lower(path);
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return true;
  std::string_view head = source->Peek(2);
  std::string inflated;
  if (IsGzip(head)) {
    inflated = InflateHead(source->Peek(4096), 7);
    head = inflated;
  } else {
    head = source->Peek(7);
  }
  return head.rfind("WARC/1.", 0) == 0;
}

}  // namespace pith::batch
