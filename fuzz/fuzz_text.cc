// libFuzzer harness: the whole cleaning path with the input read as plain text.
#include "fuzz_clean.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pith::fuzz::CleanAndRender(data, size, pith::InputMode::kText);
  return 0;
}
