#include "batch/inputs.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace pith::batch {
namespace fs = std::filesystem;

namespace {

// A fresh directory tree under the temp directory, removed at the end.
struct Tree {
  fs::path root = fs::temp_directory_path() / "pith-inputs-test";
  Tree() {
    fs::remove_all(root);
    fs::create_directories(root / "site" / "b" / "deep");
    fs::create_directories(root / "site" / "a");
    for (const char* f : {"site/z.html", "site/b/deep/x.html", "site/a/index.html", "site/a/index.txt", "one.html"})
      std::ofstream(root / f) << "x";
    fs::create_symlink(root / "one.html", root / "site" / "link.html");
    mkfifo((root / "site" / "pipe").c_str(), 0600);
  }
  ~Tree() { fs::remove_all(root); }
  std::string operator/(const char* p) const { return (root / p).string(); }
};

}  // namespace

TEST_CASE("inputs: directories expand recursively, sorted, regular files only") {
  const Tree t;
  const std::vector<InputFile> in = ExpandInputs({t / "one.html", t / "site", "-", t / "missing.html"});
  std::vector<std::string> relative;
  for (const InputFile& f : in) relative.push_back(f.relative);
  CHECK(relative == std::vector<std::string>{"one.html", "a/index.html", "a/index.txt", "b/deep/x.html", "link.html",
                                             "z.html", "stdin", "missing.html"});
  CHECK(in[1].path == t / "site/a/index.html");
  CHECK(in[6].path == "-");
  CHECK(in[7].path == t / "missing.html");  // kept: reading it reports the error
  for (const InputFile& f : in) CHECK(f.error.empty());
}

TEST_CASE("inputs: relative names of file arguments") {
  const std::vector<InputFile> in = ExpandInputs({"pages/./a.html", "../up/b.html", "/abs/c.html", "d.html"});
  CHECK(in[0].relative == "pages/a.html");
  CHECK(in[1].relative == "b.html");
  CHECK(in[2].relative == "c.html");
  CHECK(in[3].relative == "d.html");
}

TEST_CASE("inputs: output names take the extension of the output") {
  CHECK(OutputName("a/page.html", ".txt") == "a/page.txt");
  CHECK(OutputName("page", ".md") == "page.md");
  CHECK(OutputName("crawl.warc.gz", ".jsonl") == "crawl.jsonl");
  CHECK(OutputName("in.jsonl.gz", ".jsonl") == "in.jsonl");
  CHECK(OutputName("x.tar.gz", ".txt") == "x.tar.txt");
}

TEST_CASE("inputs: two inputs writing the same output file are refused, naming both") {
  const std::vector<InputFile> in = ExpandInputs({"a/index.html", "b/index.html", "a/index.htm"});
  CHECK(CheckOutputNames({in[0], in[1]}, ".txt").ok());
  const Status s = CheckOutputNames(in, ".txt");
  REQUIRE(!s.ok());
  CHECK(s.message() == "--output-dir: a/index.html and a/index.htm would both be written to 'a/index.txt'");
}

TEST_CASE("inputs: --files-from lists one path per line") {
  const fs::path list = fs::temp_directory_path() / "pith-files-from.txt";
  std::ofstream(list) << "a.html\r\n\nsub/b.html\n";
  std::vector<std::string> paths;
  REQUIRE(ReadPathList(list.string(), &paths).ok());
  CHECK(paths == std::vector<std::string>{"a.html", "sub/b.html"});
  fs::remove(list);
  const Status s = ReadPathList(list.string(), &paths);
  REQUIRE(!s.ok());
  CHECK(s.message() == list.string() + ": cannot read the list of files");
}

TEST_CASE("inputs: byte sizes") {
  CHECK(ParseByteSize("1000") == 1000u);
  CHECK(ParseByteSize("64K") == 65536u);
  CHECK(ParseByteSize("64M") == 64u << 20);
  CHECK(ParseByteSize("2G") == std::uint64_t{2} << 30);
  CHECK_FALSE(ParseByteSize("0"));
  CHECK_FALSE(ParseByteSize("ten"));
  CHECK_FALSE(ParseByteSize("5X"));
  CHECK_FALSE(ParseByteSize(""));
}

}  // namespace pith::batch
