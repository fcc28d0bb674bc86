#include "batch/progress.h"

#include <cstdio>

namespace pith::batch {
namespace {

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

double Rate(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0; }

}  // namespace

std::string FormatProgress(const BatchStats& s) {
  std::string line = std::to_string(s.documents);
  if (s.total >= 0) line.append("/").append(std::to_string(s.total));
  line += " documents, " + Fixed(Rate(s.documents, s.seconds)) + " docs/s, " + Fixed(Rate(s.bytes / 1e6, s.seconds)) +
          " MB/s";
  if (s.total >= 0 && s.documents > 0) {
    const double left = static_cast<double>(s.total) - static_cast<double>(s.documents);
    line += ", ETA " + Clock(left > 0 ? left * s.seconds / static_cast<double>(s.documents) : 0);
  }
  if (s.failures > 0) line += ", " + std::to_string(s.failures) + " failed";
  return line;
}

std::string FormatSummary(const BatchStats& s) {
  return std::to_string(s.documents) + " documents, " + std::to_string(s.failures) + " failed, " +
         Fixed(s.bytes / 1e6) + " MB in " + Fixed(s.seconds) + " s (" + Fixed(Rate(s.documents, s.seconds)) +
         " docs/s, " + Fixed(Rate(s.bytes / 1e6, s.seconds)) + " MB/s)";
}

bool ProgressThrottle::Due() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < interval_) return false;
  last_ = now;
  shown_ = true;
  return true;
}

}  // namespace pith::batch
