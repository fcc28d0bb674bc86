// A small WARC writer for tests: builds records in memory and writes them
// plain or gzip-compressed one member per record (the Common Crawl layout),
// so no binary test file is kept in the repository.
#pragma once

#include <zlib.h>

#include <fstream>
#include <string>
#include <vector>

namespace pith::testing {

struct WarcTestRecord {
  std::string type = "response";    // WARC-Type
  std::string id;                   // WARC-Record-ID
  std::string uri;                  // WARC-Target-URI
  std::string block;                // the record block (for responses: HTTP head + body)
  std::string content_type = "application/http; msgtype=response";
};

// An HTTP response block.
inline std::string HttpResponse(int status, const std::string& content_type, const std::string& body,
                                const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + content_type + "\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

inline WarcTestRecord Response(const std::string& id, const std::string& uri, const std::string& block) {
  WarcTestRecord r;
  r.id = "<urn:uuid:" + id + ">";
  r.uri = uri;
  r.block = block;
  return r;
}

inline std::string Serialize(const WarcTestRecord& r) {
  std::string out = "WARC/1.0\r\nWARC-Type: " + r.type + "\r\nWARC-Record-ID: " + r.id + "\r\n";
  if (!r.uri.empty()) out += "WARC-Target-URI: " + r.uri + "\r\n";
  out += "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: " + r.content_type + "\r\nContent-Length: " +
         std::to_string(r.block.size()) + "\r\n\r\n" + r.block + "\r\n\r\n";
  return out;
}

inline std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// The bytes of a WARC file; `gzip` compresses each record as its own member.
inline std::string WarcFile(const std::vector<WarcTestRecord>& records, bool gzip) {
  std::string out;
  for (const WarcTestRecord& r : records) out += gzip ? Gzip(Serialize(r)) : Serialize(r);
  return out;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace pith::testing
