#include "batch/warc.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "warc_writer.h"

namespace pith::batch {
namespace {

using testing::HttpResponse;
using testing::Response;
using testing::WarcFile;
using testing::WarcTestRecord;

const std::string kPage = "<html><body><article><p>The harbour reopened on Monday after the storm.</p></article></body></html>";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("pith-warc-test-" + name)).string();
}

std::vector<WarcTestRecord> Crawl() {
  WarcTestRecord request;
  request.type = "request";
  request.id = "<urn:uuid:req>";
  request.uri = "https://example.org/a";
  request.content_type = "application/http; msgtype=request";
  request.block = "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n";
  WarcTestRecord warcinfo;
  warcinfo.type = "warcinfo";
  warcinfo.id = "<urn:uuid:info>";
  warcinfo.content_type = "application/warc-fields";
  warcinfo.block = "software: test\r\n";
  return {
      warcinfo,
      request,
      Response("a", "https://example.org/a", HttpResponse(200, "text/html; charset=UTF-8", kPage)),
      Response("moved", "https://example.org/old", HttpResponse(301, "text/html", "<p>moved</p>")),
      Response("img", "https://example.org/x.png", HttpResponse(200, "image/png", "\x89PNG....")),
      Response("b", "https://example.org/b", HttpResponse(200, "application/xhtml+xml", kPage)),
  };
}

std::vector<WarcRecord> ReadAll(const std::string& path, Status* status, std::size_t max_bytes = 1 << 20) {
  FileSource file(path);
  WarcReader reader(&file, path, max_bytes);
  std::vector<WarcRecord> out;
  WarcRecord rec;
  while (reader.Next(&rec)) out.push_back(rec);
  *status = reader.status();
  return out;
}

}  // namespace

TEST_CASE("warc: plain and gzip files give the same HTML responses, others skipped") {
  for (const bool gzip : {false, true}) {
    CAPTURE(gzip);
    const std::string path = TempPath(gzip ? "crawl.warc.gz" : "crawl.warc");
    testing::WriteFile(path, WarcFile(Crawl(), gzip));
    Status status;
    const std::vector<WarcRecord> recs = ReadAll(path, &status);
    CHECK(status.ok());
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].record_id == "<urn:uuid:a>");
    CHECK(recs[0].target_uri == "https://example.org/a");
    CHECK(recs[0].charset == "UTF-8");
    CHECK(recs[0].body == kPage);
    CHECK(recs[0].number == 3);
    CHECK(recs[1].record_id == "<urn:uuid:b>");
    CHECK(recs[1].charset.empty());
    std::filesystem::remove(path);
  }
}

TEST_CASE("warc: a non-200 response is skipped") {
  const std::string path = TempPath("redirect.warc");
  testing::WriteFile(path, WarcFile({Response("r", "u", HttpResponse(404, "text/html", kPage))}, false));
  Status status;
  CHECK(ReadAll(path, &status).empty());
  CHECK(status.ok());
  std::filesystem::remove(path);
}

TEST_CASE("warc: the charset of the HTTP Content-Type is returned, quoted or not") {
  const std::string path = TempPath("charset.warc");
  testing::WriteFile(path, WarcFile({Response("1", "u", HttpResponse(200, "text/html;charset=\"ISO-8859-1\"", kPage)),
                                     Response("2", "u", HttpResponse(200, "Text/HTML; Charset=koi8-r", kPage))},
                                    false));
  Status status;
  const std::vector<WarcRecord> recs = ReadAll(path, &status);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].charset == "ISO-8859-1");
  CHECK(recs[1].charset == "koi8-r");
  std::filesystem::remove(path);
}

TEST_CASE("warc: chunked and gzip-encoded payloads are decoded") {
  const std::string path = TempPath("coding.warc");
  const std::string chunked = "10\r\n" + kPage.substr(0, 16) + "\r\n" +
                              [] {
                                char buf[16];
                                std::snprintf(buf, sizeof buf, "%zx", kPage.size() - 16);
                                return std::string(buf);
                              }() +
                              "\r\n" + kPage.substr(16) + "\r\n0\r\n\r\n";
  testing::WriteFile(path,
                     WarcFile({Response("c", "u", HttpResponse(200, "text/html", chunked, "Transfer-Encoding: chunked\r\n")),
                               Response("g", "u", HttpResponse(200, "text/html", testing::Gzip(kPage),
                                                               "Content-Encoding: gzip\r\n")),
                               Response("br", "u", HttpResponse(200, "text/html", "xx", "Content-Encoding: br\r\n"))},
                              false));
  Status status;
  const std::vector<WarcRecord> recs = ReadAll(path, &status);
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].body == kPage);
  CHECK(recs[1].body == kPage);
  CHECK(recs[2].error == "unsupported Content-Encoding 'br'");
  std::filesystem::remove(path);
}

TEST_CASE("warc: a payload over max_bytes is cut at a tag end and flagged") {
  const std::string path = TempPath("big.warc");
  testing::WriteFile(path, WarcFile({Response("big", "u", HttpResponse(200, "text/html", kPage))}, false));
  Status status;
  const std::vector<WarcRecord> recs = ReadAll(path, &status, 40);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].truncated);
  CHECK(recs[0].body == "<html><body><article><p>");
  std::filesystem::remove(path);
}

TEST_CASE("warc: a file cut inside a record is reported after the complete records") {
  for (const bool gzip : {false, true}) {
    CAPTURE(gzip);
    const std::string path = TempPath(gzip ? "cut.warc.gz" : "cut.warc");
    const std::string whole = WarcFile(Crawl(), gzip);
    testing::WriteFile(path, whole.substr(0, whole.size() - 30));
    Status status;
    const std::vector<WarcRecord> recs = ReadAll(path, &status);
    CHECK(recs.size() == 1);
    REQUIRE(!status.ok());
    CHECK(status.message().find(path + ": record 6") == 0);
    CHECK(status.message().find("truncated") != std::string::npos);
    std::filesystem::remove(path);
  }
}

TEST_CASE("warc: garbage where a header should be is an error naming the byte") {
  const std::string path = TempPath("garbage.warc");
  testing::WriteFile(path, WarcFile(Crawl(), false) + "HTTP/1.1 200 OK\r\n");
  Status status;
  CHECK(ReadAll(path, &status).size() == 2);
  REQUIRE(!status.ok());
  CHECK(status.message().find(": record 7 (byte ") != std::string::npos);
  CHECK(status.message().find("expected a WARC header line such as \"WARC/1.0\", found \"HTTP/1.1 200 OK\"") !=
        std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("warc: detected by extension or by content, gzip or not") {
  const std::string plain = TempPath("noext1"), gz = TempPath("noext2"), html = TempPath("page.html");
  testing::WriteFile(plain, WarcFile(Crawl(), false));
  testing::WriteFile(gz, WarcFile(Crawl(), true));
  testing::WriteFile(html, kPage);
  FileSource a(plain), b(gz), c(html), d(TempPath("missing.warc.gz"));
  CHECK(IsWarc(plain, &a));
  CHECK(IsWarc(gz, &b));
  CHECK_FALSE(IsWarc(html, &c));
  CHECK(IsWarc("x.WARC.GZ", &d));
  // Detection only peeks: the stream still starts at its first byte.
  char first[8] = {};
  CHECK(a.Read(first, 7) == 7);
  CHECK(std::string(first) == "WARC/1.");
  for (const std::string& p : {plain, gz, html}) std::filesystem::remove(p);
}

}  // namespace pith::batch
