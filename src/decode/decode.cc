#include "decode/decode.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "document/textutil.h"

namespace pith {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at s[i], 0 if ill-formed.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
  }
  return len;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerAscii(c);
  return out;
}

// Finds a charset declared in a <meta> tag near the top of an HTML page.
std::string SniffMetaCharset(std::string_view bytes) {
  const std::string head = Lower(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    const std::string_view tag(head.data() + pos, end - pos);
    const std::size_t cs = tag.find("charset");
    pos = end;
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\''))
      ++i;
    std::size_t j = i;
    while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == '-' ||
                              tag[j] == '_' || tag[j] == ':' || tag[j] == '.'))
      ++j;
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return "";
}

// Normalises labels the way browsers do for the common aliases (WHATWG
// Encoding: latin1 and ascii mean windows-1252, gb2312 means GBK...).
std::string CanonicalCharset(std::string label) {
  label = Lower(label);
  if (label == "utf8" || label == "unicode-1-1-utf-8") return "UTF-8";
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" ||
      label == "iso8859-1" || label == "l1")
    return "WINDOWS-1252";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "GB18030";
  if (label == "x-sjis" || label == "shift-jis" || label == "sjis") return "SHIFT_JIS";
  if (label == "iso-8859-9") return "WINDOWS-1254";
  if (label == "tis-620" || label == "iso-8859-11") return "WINDOWS-874";
  std::string upper = label;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// Converts with iconv; undecodable bytes become U+FFFD and decoding goes on.
// `invalid`, when given, receives the number of bytes replaced.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out, std::size_t* invalid = nullptr) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  char buffer[16384];
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* o = buffer;
    std::size_t o_left = sizeof buffer;
    const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buffer, static_cast<std::size_t>(o - buffer));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (truncated tail): replace one byte and resync.
      out->append(kReplacement);
      if (invalid) ++*invalid;
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  return true;
}

// A sample for detection: head, middle and tail, so a page whose head is
// ASCII markup and whose body is in another script is still recognised.
std::string DetectionSample(std::string_view bytes) {
  constexpr std::size_t kPart = 64 * 1024;
  if (bytes.size() <= 3 * kPart) return std::string(bytes);
  std::string sample;
  sample.append(bytes.substr(0, kPart));
  sample.append(bytes.substr(bytes.size() / 2 - kPart / 2, kPart));
  sample.append(bytes.substr(bytes.size() - kPart));
  return sample;
}

// True when the bytes hold more ill-formed UTF-8 than well-formed multi-byte
// sequences: a page that says UTF-8 but was saved in a legacy charset.
bool MostlyNotUtf8(std::string_view s) {
  std::size_t valid = 0, invalid = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      valid += n > 1;
      i += n;
    }
  }
  return invalid > valid;
}

std::string Detect(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  const std::string sample = DetectionSample(bytes);
  uchardet_handle_data(ud, sample.data(), sample.size());
  uchardet_data_end(ud);
  std::string charset = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return charset;
}

}  // namespace

// The first position from i on that may hold a non-ASCII byte, stepping
// eight bytes at a time: most of any page is ASCII markup.
std::size_t SkipAscii(std::string_view s, std::size_t i) {
  for (std::uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  return i;
}

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = SkipAscii(s, 0); i < s.size(); i = SkipAscii(s, i)) {
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t valid_from = 0;  // valid bytes from here to i are copied in one append
  for (std::size_t i = SkipAscii(s, 0); i < s.size(); i = SkipAscii(s, i)) {
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out.append(s.substr(valid_from, i - valid_from));
    out.append(kReplacement);
    valid_from = ++i;
  }
  out.append(s.substr(valid_from));
  return out;
}

std::string SniffBinary(std::string_view b) {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "PDF";
  if (starts("\x89PNG")) return "PNG";
  if (starts("\x1f\x8b")) return "gzip";
  if (starts("\x7f" "ELF")) return "ELF executable";
  if (starts("PK\x03\x04")) return "ZIP";
  if (starts("\xff\xd8\xff")) return "JPEG";
  if (starts("GIF8")) return "GIF";
  if (starts("MZ")) return "Windows executable";
  if (starts(std::string_view("\x28\xb5\x2f\xfd", 4))) return "zstd";
  if (starts("BZh")) return "bzip2";
  if (starts(std::string_view("\xfd" "7zXZ", 5))) return "xz";
  // Many NUL or control bytes in the first KiB: binary of some other kind.
  const std::string_view head = b.substr(0, 1024);
  std::size_t controls = 0;
  for (unsigned char c : head)
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++controls;
  if (!head.empty() && controls * 10 > head.size()) return "binary data";
  return "";
}

namespace {

// True when the text holds nothing but white space (ASCII, no-break space,
// ideographic space, byte-order marks).
bool Blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (s.substr(i, 2) == "\xC2\xA0") { i += 1; continue; }
    if (s.substr(i, 3) == "\xE3\x80\x80" || s.substr(i, 3) == "\xEF\xBB\xBF") { i += 2; continue; }
    return false;
  }
  return true;
}

Decoded DecodeAny(std::string_view bytes, const DecodeOptions& options) {
  Decoded d;
  bool valid_utf8 = false;  // the whole input is valid UTF-8 (checked after the BOMs and the binary sniff)
  auto convert = [&](const std::string& charset, std::string_view body, const char* reason) {
    d.charset = charset;
    d.reason = reason;
    if (charset == "UTF-8") {
      // RepairUtf8 would copy valid bytes unchanged: skip its second check.
      d.text = valid_utf8 && body.size() == bytes.size() ? std::string(body) : RepairUtf8(body);
      return true;
    }
    return Convert(body, charset, &d.text);
  };

  if (!options.encoding.empty()) {
    if (!convert(CanonicalCharset(options.encoding), bytes, "forced"))
      d.status = Status::Error("unknown encoding '" + options.encoding +
                               "' (see `iconv --list` for the names this system knows)");
    return d;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    convert("UTF-8", bytes.substr(3), "bom");
    return d;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE") {
    convert("UTF-16LE", bytes.substr(2), "bom");
    return d;
  }
  if (bytes.substr(0, 2) == "\xFE\xFF") {
    convert("UTF-16BE", bytes.substr(2), "bom");
    return d;
  }
  if (const std::string kind = SniffBinary(bytes); !kind.empty()) {
    d.status = Status::Error("not text or HTML (looks like " + kind + ")");
    return d;
  }
  valid_utf8 = IsValidUtf8(bytes);
  // A page that declares a legacy charset but is valid, non-ASCII UTF-8 is
  // lying (a common CMS and server default); trust the bytes.
  const bool has_non_ascii =
      std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!options.http_charset.empty()) {
    const std::string charset = CanonicalCharset(options.http_charset);
    if (charset != "UTF-8" && valid_utf8 && has_non_ascii) {
      convert("UTF-8", bytes, "utf8 (HTTP charset contradicted by the bytes)");
      return d;
    }
    // A name iconv does not know: the page's own declaration decides.
    if (convert(charset, bytes, "http")) return d;
  }
  if (std::string meta = SniffMetaCharset(bytes); !meta.empty()) {
    std::string charset = CanonicalCharset(meta);
    if (charset != "UTF-8" && valid_utf8 && has_non_ascii) {
      convert("UTF-8", bytes, "utf8 (meta charset contradicted by the bytes)");
      return d;
    }
    if (charset == "UTF-16" || charset == "UTF-16LE" || charset == "UTF-16BE") charset = "UTF-8";
    if (charset == "UTF-8" && !valid_utf8 && MostlyNotUtf8(bytes)) {
      // Declared UTF-8, saved in a legacy charset: detection decides below.
    } else if (charset != "UTF-8" && !valid_utf8) {
      // A declared multi-byte charset the bytes break (EUC-JP declared, Shift_JIS
      // saved): the detected charset wins when it decodes with fewer errors.
      std::size_t declared_errors = 0;
      if (Convert(bytes, charset, &d.text, &declared_errors)) {
        d.charset = charset;
        d.reason = "meta";
        if (declared_errors == 0) return d;
        const std::string detected = CanonicalCharset(Detect(bytes));
        std::string text;
        std::size_t detected_errors = 0;
        if (!detected.empty() && detected != charset && Convert(bytes, detected, &text, &detected_errors) &&
            detected_errors < declared_errors) {
          d.text = std::move(text);
          d.charset = detected;
          d.reason = "detected (meta charset contradicted by the bytes)";
        }
        return d;
      }
    } else if (convert(charset, bytes, "meta")) {
      return d;
    }
  }
  if (valid_utf8) {
    convert("UTF-8", bytes, "utf8");
    return d;
  }
  std::string detected = Detect(bytes);
  if (!detected.empty() && convert(CanonicalCharset(detected), bytes, "detected")) return d;
  convert("WINDOWS-1252", bytes, "fallback");
  return d;
}

}  // namespace

Decoded Decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded d = DecodeAny(bytes, options);
  if (!d.status.ok()) return d;
  // U+0000 is never text, and a NUL in the output breaks C-string readers.
  // Found first (memchr), as few pages hold one: std::remove rewrites every byte.
  if (d.text.find('\0') != std::string::npos)
    d.text.erase(std::remove(d.text.begin(), d.text.end(), '\0'), d.text.end());
  if (bytes.empty()) {
    d.status = Status::Error("empty input: nothing to clean");
  } else if (Blank(d.text)) {
    d.status = Status::Error("only white space: nothing to clean (" + std::to_string(bytes.size()) + " bytes)");
  }
  return d;
}

}  // namespace pith
