#include "batch/inputs.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace pith::batch {
namespace fs = std::filesystem;

namespace {

std::string RelativeName(const std::string& arg) {
  if (arg == "-") return "stdin";
  const fs::path p = fs::path(arg).lexically_normal();
  if (p.is_absolute() || p.empty() || *p.begin() == "..") return p.filename().string();
  return p.string();
}

void ExpandDirectory(const std::string& dir, std::vector<InputFile>* out) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files)
    out->push_back({f.string(), f.lexically_relative(dir).string(), ""});
  if (ec) out->push_back({dir, RelativeName(dir), dir + ": cannot list directory (" + ec.message() + ")"});
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<InputFile> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      ExpandDirectory(arg, &out);
    } else {
      out.push_back({arg, RelativeName(arg), ""});
    }
  }
  return out;
}

Status ReadPathList(const std::string& list, std::vector<std::string>* paths) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list != "-") {
    file.open(list);
    if (!file) return Status::Error(list + ": cannot read the list of files");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths->push_back(line);
  }
  if (in->bad()) return Status::Error(list + ": cannot read the list of files");
  return Status::Ok();
}

std::string OutputName(const std::string& relative, const std::string& extension) {
  fs::path p(relative);
  for (const char* double_ext : {".warc.gz", ".jsonl.gz"}) {
    const std::string name = p.filename().string();
    const std::string suffix = double_ext;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      p.replace_filename(name.substr(0, name.size() - suffix.size()));
      return p.string() + extension;
    }
  }
  p.replace_extension(extension);
  return p.string();
}

Status CheckOutputNames(const std::vector<InputFile>& inputs, const std::string& extension) {
  std::map<std::string, const InputFile*> seen;
  for (const InputFile& input : inputs) {
    if (!input.error.empty()) continue;
    const std::string name = OutputName(input.relative, extension);
    const auto [it, fresh] = seen.emplace(name, &input);
    if (!fresh)
      return Status::Error("--output-dir: " + it->second->path + " and " + input.path + " would both be written to '" +
                           name + "'");
  }
  return Status::Ok();
}

std::optional<std::uint64_t> ParseByteSize(std::string_view text) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  int shift = 0;
  if (unit == "K" || unit == "k" || unit == "KiB") shift = 10;
  else if (unit == "M" || unit == "MiB") shift = 20;
  else if (unit == "G" || unit == "GiB") shift = 30;
  else if (!unit.empty()) return std::nullopt;
  if (n == 0 || n > (UINT64_MAX >> shift)) return std::nullopt;
  return n << shift;
}

}  // namespace pith::batch
