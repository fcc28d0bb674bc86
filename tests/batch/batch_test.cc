#include "batch/batch.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "warc_writer.h"

namespace pith::batch {
namespace fs = std::filesystem;

namespace {

const std::string kProse =
    "The council approved the new cycle lanes on Tuesday after a long debate, and work on the first section "
    "along the river will start in the spring, the mayor said.";

std::string Page(const std::string& words) { return "<html><body><article><p>" + words + "</p></article></body></html>"; }

struct Run {
  std::string out;
  std::vector<std::string> reports;
  BatchStats stats;
};

Run RunOn(const std::vector<std::string>& args, const BatchOptions& options) {
  Run run;
  std::ostringstream out;
  BatchIo io;
  io.out = &out;
  io.report = [&](const std::string& m) { run.reports.push_back(m); };
  const Ruleset rules = Ruleset::Default();
  run.stats = RunBatch(ExpandInputs(args), options, rules, io);
  run.out = out.str();
  return run;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  fs::path root;
  explicit TempDir(const std::string& name) : root(fs::temp_directory_path() / name) {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempDir() { fs::remove_all(root); }
  std::string Write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories((root / rel).parent_path());
    testing::WriteFile((root / rel).string(), bytes);
    return (root / rel).string();
  }
};

}  // namespace

TEST_CASE("batch: documents in order, with headers, failures counted, the rest cleaned") {
  const TempDir t("pith-batch-docs");
  const std::string a = t.Write("a.html", Page("First. " + kProse));
  const std::string b = t.Write("b.html", Page("Second. " + kProse));
  BatchOptions options;
  const Run run = RunOn({a, (t.root / "missing.html").string(), b}, options);
  CHECK(run.out == "==> " + a + " <==\nFirst. " + kProse + "\n\n==> " + b + " <==\nSecond. " + kProse + "\n\n");
  CHECK(run.reports == std::vector<std::string>{(t.root / "missing.html").string() + ": cannot read file"});
  CHECK(run.stats.documents == 2);
  CHECK(run.stats.failures == 1);
  CHECK(run.stats.total == 3);
}

TEST_CASE("batch: the same output with 1 and 4 threads") {
  const TempDir t("pith-batch-threads");
  for (int i = 100; i < 140; ++i) {
    const std::string n = std::to_string(i);
    t.Write(std::string("p").append(n).append(".html"), Page(std::string("Page ").append(n).append(". ") + kProse));
  }
  BatchOptions options;
  options.format = Format::kJson;
  const Run one = RunOn({t.root.string()}, options);
  options.threads = 4;
  const Run four = RunOn({t.root.string()}, options);
  CHECK(one.stats.documents == 40);
  CHECK(four.out == one.out);
}

TEST_CASE("batch: --output-dir mirrors relative names and changes the extension") {
  const TempDir t("pith-batch-outdir");
  t.Write("in/a.html", Page(kProse));
  t.Write("in/sub/b.htm", Page(kProse));
  t.Write("in/empty.html", "<html><body><nav><a href=/>Home</a></nav></body></html>");
  const char pdf[] = "%PDF-1.4\n\0\0\0binary";
  t.Write("in/bin.pdf", std::string(pdf, sizeof pdf - 1));
  BatchOptions options;
  options.format = Format::kMarkdown;
  options.output_dir = (t.root / "out").string();
  options.threads = 2;
  const Run run = RunOn({(t.root / "in").string()}, options);
  CHECK(run.out.empty());
  CHECK(Slurp(t.root / "out/a.md") == kProse + "\n");
  CHECK(Slurp(t.root / "out/sub/b.md") == kProse + "\n");
  CHECK(fs::exists(t.root / "out/empty.md"));  // nothing kept: an empty file, still one output per input
  CHECK(Slurp(t.root / "out/empty.md").empty());
  CHECK_FALSE(fs::exists(t.root / "out/bin.md"));  // failed: no output
  CHECK(run.stats.failures == 1);
}

TEST_CASE("batch: --output-dir refuses to overwrite its input") {
  const TempDir t("pith-batch-self");
  const std::string a = t.Write("a.html", Page(kProse));
  BatchOptions options;
  options.format = Format::kHtml;
  options.output_dir = t.root.string();
  const Run run = RunOn({a}, options);
  CHECK(run.stats.failures == 1);
  REQUIRE(run.reports.size() == 1);
  CHECK(run.reports[0] == a + ": would overwrite its own input: choose another --output-dir");
  CHECK(Slurp(a) == Page(kProse));
}

TEST_CASE("batch: JSON Lines give one record per record, in order, errors in place") {
  const TempDir t("pith-batch-jsonl");
  std::string lines;
  for (int i = 0; i < 30; ++i) {
    nlohmann::ordered_json j;
    j["id"] = i;
    if (i == 7) j["nothing"] = true;
    else if (i % 2) j["text"] = "Record " + std::to_string(i) + ". " + kProse;
    else j["html"] = Page("Record " + std::to_string(i) + ". " + kProse);
    lines += j.dump() + "\n";
    if (i == 12) lines += "{broken\n\n";
  }
  const std::string in = t.Write("in.jsonl", lines);
  BatchOptions options;
  options.jsonl = true;
  options.threads = 3;
  const Run run = RunOn({in}, options);
  std::istringstream out(run.out);
  std::vector<nlohmann::json> recs;
  for (std::string line; std::getline(out, line);) recs.push_back(nlohmann::json::parse(line));
  REQUIRE(recs.size() == 31);
  CHECK(run.stats.documents == 31);
  CHECK(run.stats.failures == 2);
  CHECK(run.stats.total == -1);
  CHECK(recs[7]["error"] == in + ":8: no \"html\" or \"text\" field");
  CHECK(recs[13]["id"].is_null());
  CHECK(recs[13]["line"] == 14);
  CHECK(recs[14]["id"] == 13);
  CHECK(recs[30]["id"] == 29);
  CHECK(recs[30]["text"] == "Record 29. " + kProse + "\n");
  CHECK_FALSE(recs[0].contains("html"));
  CHECK(run.reports.size() == 2);
}

TEST_CASE("batch: every kind of bad record gives an error record with its id; records out == records in") {
  const TempDir t("pith-batch-bad");
  const std::string deep = std::string(600, '[') + std::string(600, ']');
  const std::vector<std::string> lines = {
      R"({"id":"ok1","text":")" + kProse + R"("})",
      R"({"id":"empty","html":""})",
      R"({"id":"blank","text":"  \n\t "})",
      R"({"id":"pdf","html":"%PDF-1.4\u0000\u0000\u0000binary"})",
      R"({"id":"number","html":42})",
      R"({"id":"deep","x":)" + deep + R"(,"text":"x"})",
      R"({"id":"ok2","html":")" + Page(kProse) + R"("})",
  };
  std::string all;
  for (const std::string& l : lines) all += l + "\n";
  const std::string in = t.Write("in.jsonl", all);
  BatchOptions options;
  options.jsonl = true;
  options.threads = 2;
  const Run run = RunOn({in}, options);
  std::istringstream out(run.out);
  std::vector<nlohmann::json> recs;
  for (std::string line; std::getline(out, line);) recs.push_back(nlohmann::json::parse(line));
  REQUIRE(recs.size() == lines.size());
  CHECK(run.stats.documents == lines.size());
  CHECK(run.stats.failures == 5);
  CHECK(recs[0]["text"] == kProse + "\n");
  CHECK(recs[1] == nlohmann::json{{"id", "empty"}, {"error", in + ":2: empty input: nothing to clean"}});
  CHECK(recs[2] == nlohmann::json{{"id", "blank"}, {"error", in + ":3: only white space: nothing to clean (5 bytes)"}});
  CHECK(recs[3] == nlohmann::json{{"id", "pdf"}, {"error", in + ":4: not text or HTML (looks like PDF)"}});
  CHECK(recs[4] == nlohmann::json{{"id", "number"}, {"error", in + ":5: \"html\" must be a string, not number"}});
  CHECK(recs[5] == nlohmann::json{{"id", nullptr}, {"line", 6}, {"error", in + ":6: invalid JSON: nested deeper than 512 levels"}});
  CHECK(recs[6]["text"] == kProse + "\n");
}

TEST_CASE("batch: a document over its time budget fails with the reason; the batch goes on") {
  const TempDir t("pith-batch-timeout");
  const std::string a = t.Write("a.html", Page(kProse));
  const std::string b = t.Write("b.html", Page(kProse));
  const std::string jl = t.Write("in.jsonl", R"({"id":"r1","text":")" + kProse + "\"}\n" + R"({"url":"u2","html":")" + kProse + "\"}\n");
  BatchOptions options;
  options.clean.timeout_seconds = 1e-9;  // spent by the first check, whatever the machine
  Run run = RunOn({a, b}, options);
  CHECK(run.out.empty());
  CHECK(run.stats.failures == 2);
  CHECK(run.reports == std::vector<std::string>{a + ": time budget of 1e-09 s exceeded in decode",
                                                b + ": time budget of 1e-09 s exceeded in decode"});
  options.jsonl = true;
  run = RunOn({jl}, options);
  CHECK(run.out == "{\"id\":\"r1\",\"error\":\"" + jl + ":1: time budget of 1e-09 s exceeded in decode\"}\n" +
                   "{\"url\":\"u2\",\"error\":\"" + jl + ":2: time budget of 1e-09 s exceeded in decode\"}\n");
  CHECK(run.stats.failures == 2);
  options.clean.timeout_seconds = 0;
  run = RunOn({jl}, options);
  CHECK(run.stats.failures == 0);
}

TEST_CASE("batch: WARC pages become records keyed by record id and url; the HTTP charset is used") {
  const TempDir t("pith-batch-warc");
  // Latin-1 bytes the server declares, and UTF-8 bytes it wrongly declares
  // ISO-8859-1 (a common server default): the bytes win over the header.
  const std::string body = Page("Caf\xC3\xA9 au lait. " + kProse);
  const std::string latin1 = Page("Caf\xE9 au lait. " + kProse);
  const std::string warc = t.Write(
      "crawl.warc.gz",
      testing::WarcFile({testing::Response("1", "https://e.org/1", testing::HttpResponse(200, "text/html; charset=iso-8859-1", latin1)),
                         testing::Response("2", "https://e.org/2", testing::HttpResponse(500, "text/html", body)),
                         testing::Response("3", "https://e.org/3", testing::HttpResponse(200, "text/html", body)),
                         testing::Response("4", "https://e.org/4", testing::HttpResponse(200, "text/html; charset=iso-8859-1", body))},
                        true));
  BatchOptions options;
  options.threads = 2;
  const Run run = RunOn({warc}, options);
  std::istringstream out(run.out);
  std::vector<nlohmann::json> recs;
  for (std::string line; std::getline(out, line);) recs.push_back(nlohmann::json::parse(line));
  REQUIRE(recs.size() == 3);
  CHECK(recs[0]["warc_record_id"] == "<urn:uuid:1>");
  CHECK(recs[0]["url"] == "https://e.org/1");
  CHECK(recs[0]["text"] == "Caf\xC3\xA9 au lait. " + kProse + "\n");
  CHECK(recs[1]["url"] == "https://e.org/3");
  CHECK(recs[1]["text"] == "Caf\xC3\xA9 au lait. " + kProse + "\n");
  CHECK(recs[2]["url"] == "https://e.org/4");
  CHECK(recs[2]["text"] == "Caf\xC3\xA9 au lait. " + kProse + "\n");
  CHECK(run.stats.failures == 0);

  options.output_dir = (t.root / "out").string();
  RunOn({warc}, options);
  CHECK(Slurp(t.root / "out/crawl.jsonl") == run.out);
}

TEST_CASE("batch: a truncated WARC file keeps its complete pages and fails") {
  const TempDir t("pith-batch-warc-cut");
  const std::string whole = testing::WarcFile(
      {testing::Response("1", "u1", testing::HttpResponse(200, "text/html", Page(kProse))),
       testing::Response("2", "u2", testing::HttpResponse(200, "text/html", Page(kProse)))},
      false);
  const std::string warc = t.Write("cut.warc", whole.substr(0, whole.size() - 50));
  const Run run = RunOn({warc}, BatchOptions());
  CHECK(run.stats.documents == 1);
  CHECK(run.stats.failures == 1);
  REQUIRE(run.reports.size() == 1);
  CHECK(run.reports[0].rfind(warc + ": record 2 (byte ", 0) == 0);
  CHECK(run.reports[0].find("<urn:uuid:2>: truncated: the file ends inside the record") != std::string::npos);
}

TEST_CASE("batch: documents over --max-bytes are cut, cleaned and reported") {
  const TempDir t("pith-batch-max");
  const std::string a = t.Write("big.html", "<html><body><p>" + kProse + "</p><p>" + kProse + "</p></body></html>");
  BatchOptions options;
  options.max_bytes = 200;
  const Run run = RunOn({a}, options);
  CHECK(run.out == kProse + "\n");
  REQUIRE(run.reports.size() == 1);
  CHECK(run.reports[0] == a + ": larger than --max-bytes (200 bytes): cleaned the first 182 bytes");
  CHECK(run.stats.failures == 0);
}

}  // namespace pith::batch
