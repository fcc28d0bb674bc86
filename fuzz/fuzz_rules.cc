// libFuzzer harness: the rules parser. A file either loads and compiles, and
// then matches every target, or is refused with a "file:line: " message.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ruleset/ruleset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  pith::Ruleset rules;
  const pith::Status s = rules.AddFile("fuzz.rules", content);
  if (!s.ok()) {
    if (s.message().rfind("fuzz.rules:", 0) != 0) std::abort();
    return 0;
  }
  if (!rules.Compile().ok()) return 0;
  for (int t = 0; t < pith::kTargetCount; ++t) (void)rules.Match(static_cast<pith::Target>(t), content);
  return 0;
}
