#include "batch/source.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "warc_writer.h"

namespace pith::batch {
namespace {

// A ByteSource over a string, handing out at most `step` bytes per Read.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, std::size_t step) : data_(std::move(data)), step_(step) {}
  std::size_t Read(char* buf, std::size_t n) override {
    const std::size_t k = std::min({n, step_, data_.size() - pos_});
    data_.copy(buf, k, pos_);
    pos_ += k;
    return k;
  }
  const Status& status() const override { return status_; }

 private:
  std::string data_;
  std::size_t step_, pos_ = 0;
  Status status_;
};

std::string Drain(ByteSource* s) {
  std::string out;
  char buf[7];
  for (std::size_t n; (n = s->Read(buf, sizeof buf)) > 0;) out.append(buf, n);
  return out;
}

}  // namespace

TEST_CASE("source: gzip members are inflated one after the other") {
  StringSource raw(testing::Gzip("first member, ") + testing::Gzip("") + testing::Gzip("second member"), 5);
  GzipSource gz(&raw, "x.gz");
  CHECK(Drain(&gz) == "first member, second member");
  CHECK(gz.status().ok());
}

TEST_CASE("source: gzip cut inside a member is an error, not a silent end") {
  const std::string whole = testing::Gzip("some text that is long enough to matter") + testing::Gzip("more");
  StringSource raw(whole.substr(0, whole.size() - 3), 1000);
  GzipSource gz(&raw, "x.gz");
  Drain(&gz);
  REQUIRE(!gz.status().ok());
  CHECK(gz.status().message() == "x.gz: truncated gzip data (the file ends inside a member)");
}

TEST_CASE("source: corrupt gzip data is named") {
  std::string bad = testing::Gzip("some text that is long enough to matter");
  bad[12] = static_cast<char>(bad[12] ^ 0x55);
  bad[13] = static_cast<char>(bad[13] ^ 0x55);
  StringSource raw(bad, 1000);
  GzipSource gz(&raw, "x.gz");
  Drain(&gz);
  REQUIRE(!gz.status().ok());
  CHECK(gz.status().message().rfind("x.gz: corrupt gzip data (", 0) == 0);
}

TEST_CASE("source: lines are read across buffer refills; long lines are capped") {
  const std::string long_line(100000, 'x');
  StringSource raw("one\r\n\n" + long_line + "\nlast", 3000);
  BufferedReader in(&raw);
  std::string line;
  bool too_long = false;
  REQUIRE(in.ReadLine(&line, 10, &too_long));
  CHECK(line == "one");
  CHECK_FALSE(too_long);
  REQUIRE(in.ReadLine(&line, 10, &too_long));
  CHECK(line.empty());
  REQUIRE(in.ReadLine(&line, 10, &too_long));
  CHECK(line == "xxxxxxxxxx");
  CHECK(too_long);
  REQUIRE(in.ReadLine(&line, 10, &too_long));
  CHECK(line == "last");
  CHECK_FALSE(in.ReadLine(&line, 10, &too_long));
  CHECK(in.offset() == 6 + long_line.size() + 1 + 4);
}

TEST_CASE("source: SafeCut stops after a tag or a line, else on a UTF-8 boundary") {
  CHECK(SafeCut("short", 10) == 5);
  CHECK(SafeCut("<p>abc</p><p>defgh", 15) == 13);
  CHECK(SafeCut("<p>abc</p>defgh", 14) == 10);
  CHECK(SafeCut("line one\nline two", 12) == 9);
  const std::string accents = "\xC3\xA9\xC3\xA9\xC3\xA9";  // "ééé", 2 bytes each
  CHECK(SafeCut(accents, 3) == 2);
  CHECK(SafeCut(accents, 4) == 4);
}

TEST_CASE("source: ReadDocument cuts a document over the limit") {
  const std::string path = (std::filesystem::temp_directory_path() / "pith-source-test.html").string();
  testing::WriteFile(path, "<p>one</p><p>two</p><p>three</p>");
  FileSource file(path);
  std::string doc;
  bool truncated = false;
  REQUIRE(ReadDocument(&file, 25, &doc, &truncated).ok());
  CHECK(truncated);
  CHECK(doc == "<p>one</p><p>two</p><p>");
  FileSource again(path);
  REQUIRE(ReadDocument(&again, 1000, &doc, &truncated).ok());
  CHECK_FALSE(truncated);
  CHECK(doc.size() == 32);
  std::filesystem::remove(path);
  FileSource missing(path);
  CHECK_FALSE(missing.ok());
  CHECK(missing.status().message() == path + ": cannot read file");
}

}  // namespace pith::batch
