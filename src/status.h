// Status: the error value of the pith library. No exception crosses the
// library API; a function that can fail returns a Status (or a struct holding
// one) and the caller decides what to print.
#pragma once

#include <string>
#include <utility>

namespace pith {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    return s;
  }

  bool ok() const { return ok_; }
  // The user-facing message, already naming the file/line where it applies.
  const std::string& message() const { return message_; }

 private:
  bool ok_ = true;
  std::string message_;
};

}  // namespace pith
