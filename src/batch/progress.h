// progress: the counters of a batch and the lines that report them.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pith::batch {

struct BatchStats {
  std::uint64_t documents = 0;  // documents, JSON Lines records and WARC pages handled
  std::uint64_t failures = 0;   // documents or records that failed, plus inputs that could not be read
  std::uint64_t bytes = 0;      // input bytes cleaned
  std::int64_t total = -1;      // documents expected; -1 when unknown (JSON Lines, WARC, streams)
  double seconds = 0;           // since the batch started
};

// "120/659 documents, 35.2 docs/s, 1.8 MB/s, ETA 0:15" (the total and the
// ETA only when the total is known). MB are 10^6 bytes.
std::string FormatProgress(const BatchStats& stats);

// "659 documents, 0 failed, 19.8 MB in 12.3 s (53.6 docs/s, 1.6 MB/s)".
std::string FormatSummary(const BatchStats& stats);

// Rate-limits the progress line to one update every `interval`.
class ProgressThrottle {
 public:
  explicit ProgressThrottle(std::chrono::milliseconds interval = std::chrono::milliseconds(200))
      : interval_(interval) {}
  // True when a new line should be shown now.
  bool Due();
  // True once any line was shown (the caller then clears it at the end).
  bool shown() const { return shown_; }

 private:
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  bool shown_ = false;
};

}  // namespace pith::batch
