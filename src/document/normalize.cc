#include "document/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdint>

namespace pith {

void NormalizeNfc(std::string* text) {
  // Code points below U+0300 are NFC and never compose with what precedes
  // them; their UTF-8 bytes all lie below 0xCC.
  if (std::none_of(text->begin(), text->end(), [](char c) { return static_cast<unsigned char>(c) >= 0xCC; })) return;
  if (text->size() > static_cast<std::size_t>(INT32_MAX)) return;  // ICU's limit; left as is
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::StringPiece piece(text->data(), static_cast<int32_t>(text->size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return;
  std::string out;
  out.reserve(text->size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_SUCCESS(status)) *text = std::move(out);
}

void NormalizeText(Document* doc) {
  for (Block& b : doc->blocks) NormalizeNfc(&b.text);
  Metadata& m = doc->meta;
  for (std::string* field : {&m.title, &m.author, &m.date, &m.site_name, &m.description, &m.keywords, &m.body})
    NormalizeNfc(field);
}

}  // namespace pith
