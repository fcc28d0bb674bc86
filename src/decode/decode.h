// decode: raw bytes in any encoding -> valid UTF-8.
//
// The charset is decided, in order, by: a forced encoding, a byte-order mark,
// the charset of the HTTP Content-Type (WARC), a <meta charset> / http-equiv
// declaration in the first 4 KiB, strict UTF-8 validity, then statistical
// detection over a sample taken from the whole input (not only its head).
// A declared legacy charset loses to bytes that are valid, non-ASCII UTF-8,
// and a declaration the bytes break loses to detection. Invalid sequences become U+FFFD, so the output
// is always valid UTF-8. Cost: linear in the input size.
#pragma once

#include <string>
#include <string_view>

#include "status.h"

namespace pith {

struct DecodeOptions {
  std::string encoding;      // --encoding: forced charset name (iconv spelling); "" = decide
  std::string http_charset;  // charset of the HTTP Content-Type (WARC records); "" = none
};

struct Decoded {
  Status status;        // error for binary, empty or blank input, or an unknown forced charset
  std::string text;     // UTF-8
  std::string charset;  // what was used, e.g. "UTF-8", "WINDOWS-1252"
  std::string reason;   // how it was chosen: "bom", "http", "meta", "utf8", "detected", "forced", "fallback"
};

// NUL characters are removed. Empty input and input that decodes to white
// space only are errors ("empty input: nothing to clean", "only white
// space: nothing to clean (N bytes)"): there is no document to clean.
Decoded Decode(std::string_view bytes, const DecodeOptions& options);

// Replaces invalid UTF-8 sequences with U+FFFD. Linear.
std::string RepairUtf8(std::string_view bytes);

// True when every byte sequence is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Name of the binary format when the bytes are clearly not text ("PDF",
// "PNG", ...), empty otherwise.
std::string SniffBinary(std::string_view bytes);

}  // namespace pith
