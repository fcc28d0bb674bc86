#include "decode/decode.h"

#include <doctest/doctest.h>

namespace pith {

TEST_CASE("decode: valid UTF-8 passes through") {
  const Decoded d = Decode("Grüße aus Köln", {});
  REQUIRE(d.status.ok());
  CHECK(d.text == "Grüße aus Köln");
  CHECK(d.charset == "UTF-8");
}

TEST_CASE("decode: the byte-order mark decides, UTF-16LE included") {
  const std::string utf16("\xFF\xFE" "H\0i\0", 6);
  const Decoded d = Decode(utf16, {});
  REQUIRE(d.status.ok());
  CHECK(d.text == "Hi");
  CHECK(d.reason == "bom");
}

TEST_CASE("decode: meta charset declares a legacy encoding") {
  const std::string page = "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9</p></body></html>";
  const Decoded d = Decode(page, {});
  CHECK(d.charset == "WINDOWS-1252");
  CHECK(d.reason == "meta");
  CHECK(d.text.find("café") != std::string::npos);
}

TEST_CASE("decode: a meta charset contradicted by valid UTF-8 bytes is ignored") {
  const std::string page = "<meta charset=\"iso-8859-1\"><p>Straße</p>";
  const Decoded d = Decode(page, {});
  CHECK(d.charset == "UTF-8");
  CHECK(d.text.find("Straße") != std::string::npos);
}

TEST_CASE("decode: invalid bytes become U+FFFD and the output is valid UTF-8") {
  const std::string repaired = RepairUtf8("ab\xC3\x28" "cd\xFF");
  CHECK(repaired == "ab\xEF\xBF\xBD(cd\xEF\xBF\xBD");
  CHECK(IsValidUtf8(repaired));
}

TEST_CASE("decode: a bad byte is found wherever it falls among runs of ASCII") {
  // The scan steps over ASCII eight bytes at a time: put the bad byte, a
  // good two-byte sequence and a sequence cut by the end at every offset.
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string ascii(at, 'a');
    CHECK(RepairUtf8(ascii + "\xFF" + ascii) == ascii + "\xEF\xBF\xBD" + ascii);
    CHECK_FALSE(IsValidUtf8(ascii + "\xFF" + ascii));
    CHECK(IsValidUtf8(ascii + "\xC3\xA9" + ascii));
    CHECK(RepairUtf8(ascii + "\xC3\xA9" + ascii) == ascii + "\xC3\xA9" + ascii);
    CHECK(RepairUtf8(ascii + "\xE2\x82") == ascii + "\xEF\xBF\xBD\xEF\xBF\xBD");
  }
}

TEST_CASE("decode: binary input is refused with its kind") {
  const Decoded d = Decode(std::string("%PDF-1.7\n\0\0binary", 18), {});
  REQUIRE_FALSE(d.status.ok());
  CHECK(d.status.message() == "not text or HTML (looks like PDF)");
}

TEST_CASE("decode: forcing an unknown encoding is an error naming it") {
  DecodeOptions o;
  o.encoding = "no-such-charset";
  const Decoded d = Decode("abc", o);
  REQUIRE_FALSE(d.status.ok());
  CHECK(d.status.message().find("unknown encoding 'no-such-charset'") == 0);
}

TEST_CASE("decode: KOI8-R text without a declaration is detected") {
  // "Привет, как дела? Это проверка кодировки." in KOI8-R, repeated.
  std::string koi;
  const unsigned char phrase[] = {0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcb, 0xc1, 0xcb, 0x20, 0xc4,
                                  0xc5, 0xcc, 0xc1, 0x3f, 0x20, 0xfc, 0xd4, 0xcf, 0x20, 0xd0, 0xd2, 0xcf, 0xd7,
                                  0xc5, 0xd2, 0xcb, 0xc1, 0x20, 0xcb, 0xcf, 0xc4, 0xc9, 0xd2, 0xcf, 0xd7, 0xcb,
                                  0xc9, 0x2e, 0x20};
  for (int i = 0; i < 20; ++i) koi.append(reinterpret_cast<const char*>(phrase), sizeof phrase);
  const Decoded d = Decode(koi, {});
  REQUIRE(d.status.ok());
  CHECK(d.text.find("Привет") != std::string::npos);
}

}  // namespace pith
