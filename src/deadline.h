// Deadline: a per-document time budget, checked cooperatively.
//
// Nothing is interrupted: the pipeline asks Expired() between its stages and
// once per block (or per element, per candidate phrase) inside the stages
// whose loops grow with the page, and stops there. A single step that
// cannot be split (Gumbo's parse, one huge block) may overrun the budget;
// its cost is bounded by the pre-scan's depth cap and --max-bytes.
#pragma once

#include <chrono>

namespace pith {

class Deadline {
 public:
  // Never expires.
  Deadline() = default;
  // Expires `seconds` from now. 0, a negative value or NaN: never expires.
  explicit Deadline(double seconds) {
    if (!(seconds > 0) || seconds > kLongest) return;
    limited_ = true;
    end_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  // Reads the monotonic clock (tens of nanoseconds) when a budget is set.
  bool Expired() const { return limited_ && Clock::now() >= end_; }

  // The budget left, as a timeout for nested work: 0 (no limit) when there
  // is none, and never 0 when there is one, even once spent.
  double Remaining() const {
    if (!limited_) return 0;
    const double left = std::chrono::duration<double>(end_ - Clock::now()).count();
    return left > 1e-9 ? left : 1e-9;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr double kLongest = 1e9;  // about 30 years: beyond it, no limit (and no overflow)

  bool limited_ = false;
  Clock::time_point end_;
};

}  // namespace pith
