// The body shared by the cleaning-path fuzzers: clean the input in one mode,
// render every output format, and abort when an output is not valid UTF-8
// (the sanitizers abort on memory errors and undefined behaviour).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decode/decode.h"
#include "output/render.h"
#include "pipeline.h"

namespace pith::fuzz {

inline void CleanAndRender(const std::uint8_t* data, std::size_t size, InputMode mode) {
  static const Ruleset& rules = *new Ruleset(Ruleset::Default());
  CleanOptions options;
  options.input = mode;
  options.timeout_seconds = 0;  // a slow input is the fuzzer's -timeout to report, not an error here
  const Result r = Clean(std::string_view(reinterpret_cast<const char*>(data), size), options, rules);
  if (!r.status.ok()) {
    if (r.status.message().empty()) std::abort();
    return;
  }
  for (const Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kHtml})
    if (!IsValidUtf8(Render(r, f, rules, "fuzz"))) std::abort();
  if (!IsValidUtf8(RenderExplain(r, Format::kText, rules, "fuzz"))) std::abort();
  if (!IsValidUtf8(RenderExplain(r, Format::kJson, rules, "fuzz"))) std::abort();
}

}  // namespace pith::fuzz
