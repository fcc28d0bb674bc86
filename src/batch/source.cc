#include "batch/source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pith::batch {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

FileSource::FileSource(const std::string& path) : path_(path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    stdin_ = true;
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) status_ = Status::Error(path + ": cannot read file");
}

FileSource::~FileSource() {
  if (fd_ >= 0 && !stdin_) ::close(fd_);
}

std::string_view FileSource::Peek(std::size_t n) {
  while (ok() && peeked_.size() - peeked_pos_ < n) {
    char buf[4096];
    const ssize_t got = ::read(fd_, buf, std::min(sizeof buf, n - (peeked_.size() - peeked_pos_)));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      status_ = Status::Error(path_ + ": cannot read file (" + std::strerror(errno) + ")");
      break;
    }
    if (got == 0) break;
    peeked_.append(buf, static_cast<std::size_t>(got));
  }
  return std::string_view(peeked_).substr(peeked_pos_, n);
}

std::size_t FileSource::Read(char* buf, std::size_t n) {
  if (peeked_pos_ < peeked_.size()) {
    const std::size_t k = std::min(n, peeked_.size() - peeked_pos_);
    std::memcpy(buf, peeked_.data() + peeked_pos_, k);
    peeked_pos_ += k;
    if (peeked_pos_ == peeked_.size()) {
      peeked_.clear();
      peeked_pos_ = 0;
    }
    return k;
  }
  while (ok()) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    status_ = Status::Error(path_ + ": cannot read file (" + std::strerror(errno) + ")");
  }
  return 0;
}

struct GzipSource::State {
  z_stream z{};
  std::string in = std::string(kChunk, '\0');
  bool in_member = false;  // inside a member: its end has not been seen yet
  bool done = false;
};

GzipSource::GzipSource(ByteSource* raw, std::string name)
    : raw_(raw), name_(std::move(name)), state_(std::make_unique<State>()) {
  // 15 + 16: a gzip header is required (not zlib, not raw deflate).
  if (inflateInit2(&state_->z, 15 + 16) != Z_OK) {
    status_ = Status::Error(name_ + ": cannot start gzip decoder");
    state_->done = true;
  }
}

GzipSource::~GzipSource() { inflateEnd(&state_->z); }

std::size_t GzipSource::Read(char* buf, std::size_t n) {
  State& s = *state_;
  if (s.done || n == 0) return 0;
  z_stream& z = s.z;
  z.next_out = reinterpret_cast<Bytef*>(buf);
  z.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
  const uInt wanted = z.avail_out;
  while (z.avail_out == wanted) {
    if (z.avail_in == 0) {
      const std::size_t got = raw_->Read(s.in.data(), s.in.size());
      if (got == 0) {
        s.done = true;
        if (!raw_->status().ok()) status_ = raw_->status();
        else if (s.in_member) status_ = Status::Error(name_ + ": truncated gzip data (the file ends inside a member)");
        break;
      }
      z.next_in = reinterpret_cast<Bytef*>(s.in.data());
      z.avail_in = static_cast<uInt>(got);
    }
    if (!s.in_member) {
      // Padding after the last member (some writers add zero bytes) ends the stream.
      if (z.next_in[0] != 0x1f) {
        s.done = true;
        break;
      }
      s.in_member = true;
    }
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      s.in_member = false;
      inflateReset(&z);
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      status_ = Status::Error(name_ + ": corrupt gzip data (" + (z.msg ? z.msg : "inflate failed") + ")");
      s.done = true;
      break;
    }
  }
  return wanted - z.avail_out;
}

bool IsGzip(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

std::string InflateHead(std::string_view head, std::size_t n) {
  if (!IsGzip(head)) return "";
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return "";
  std::string out(n, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  z.avail_in = static_cast<uInt>(head.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(n);
  inflate(&z, Z_SYNC_FLUSH);
  out.resize(n - z.avail_out);
  inflateEnd(&z);
  return out;
}

BufferedReader::BufferedReader(ByteSource* source) : source_(source), buf_(kChunk, '\0') {}

bool BufferedReader::Fill() {
  if (pos_ < end_) return true;
  pos_ = 0;
  end_ = source_->Read(buf_.data(), buf_.size());
  return end_ > 0;
}

bool BufferedReader::ReadLine(std::string* line, std::size_t max, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  while (Fill()) {
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    const std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    const std::size_t room = max - std::min(max, line->size());
    if (len > room) *too_long = true;
    line->append(start, std::min(len, room));
    pos_ += len + (nl ? 1 : 0);
    offset_ += len + (nl ? 1 : 0);
    if (nl) break;
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

std::uint64_t BufferedReader::ReadBytes(std::uint64_t n, std::string* out) {
  std::uint64_t done = 0;
  while (done < n && Fill()) {
    const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, end_ - pos_));
    if (out) out->append(buf_.data() + pos_, k);
    pos_ += k;
    done += k;
  }
  offset_ += done;
  return done;
}

std::size_t SafeCut(std::string_view bytes, std::size_t max) {
  if (bytes.size() <= max) return bytes.size();
  constexpr std::size_t kLookBack = 64 * 1024;
  const std::size_t floor = max > kLookBack ? max - kLookBack : 0;
  for (std::size_t i = max; i > floor; --i)
    if (bytes[i - 1] == '>' || bytes[i - 1] == '\n') return i;
  std::size_t cut = max;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to a sequence start.
  while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80 && max - cut < 4) --cut;
  return cut;
}

Status ReadDocument(FileSource* source, std::size_t max, std::string* out, bool* truncated) {
  out->clear();
  *truncated = false;
  char buf[kChunk];
  while (out->size() <= max) {
    const std::size_t got = source->Read(buf, sizeof buf);
    if (got == 0) break;
    out->append(buf, got);
  }
  if (!source->status().ok()) return source->status();
  if (out->size() > max) {
    *truncated = true;
    out->resize(SafeCut(*out, max));
    if (source->is_stdin())
      while (source->Read(buf, sizeof buf) > 0) {
      }
  }
  return Status::Ok();
}

}  // namespace pith::batch
