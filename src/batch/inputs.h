// inputs: what a batch reads and where each result goes.
//
// Arguments expand to a list of files: a directory gives its regular files,
// recursively, sorted by path; "-" is standard input. Only paths are held,
// never contents. With --output-dir each input gets one output file whose
// name mirrors the input's (OutputName).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace pith::batch {

struct InputFile {
  std::string path;      // as given or found; "-" = standard input
  std::string relative;  // its name under --output-dir, before the extension changes
  std::string error;     // set when it could not be listed (unreadable directory)
};

// Expands FILE arguments in order. A directory contributes its regular files
// (recursively, sorted; symbolic links to files count, other kinds do not)
// with `relative` taken from the directory. Any other argument is kept as
// is, even when it does not exist (reading it reports the error later), with
// `relative` its lexically normal path, or its file name alone when that path
// is absolute or climbs out with "..". "-" becomes relative "stdin".
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& args);

// Reads --files-from LIST: one path per line ("-" reads standard input);
// empty lines are skipped and a trailing "\r" is dropped.
Status ReadPathList(const std::string& list, std::vector<std::string>* paths);

// The output name of `relative` with the extension for the output: the last
// extension (".html", ".txt", and ".warc.gz" or ".jsonl.gz" as a whole) is
// replaced by `extension` (e.g. ".txt").
std::string OutputName(const std::string& relative, const std::string& extension);

// Fails when two inputs would write the same output file under --output-dir,
// naming both inputs.
Status CheckOutputNames(const std::vector<InputFile>& inputs, const std::string& extension);

// "65536", "64K", "64M", "1G" (binary multiples) -> bytes; nullopt when malformed or zero.
std::optional<std::uint64_t> ParseByteSize(std::string_view text);

}  // namespace pith::batch
