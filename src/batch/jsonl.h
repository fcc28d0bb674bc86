// jsonl: the JSON Lines record contract of `pith --jsonl` and of WARC input.
//
// In: one JSON object per line, with "id" or "url" to name it and "html"
// (a page) or "text" (text a scraper already extracted, cleaned as text
// input when there is no "html"); any other fields are allowed.
// Out: one object per input record, in input order: the input's fields in
// their order (re-serialised, values unchanged) without "html" unless asked
// to keep it, followed by the cleaned fields of AddResultFields ("text",
// "title", "author", "date", "site_name", "language", "removed"), which
// replace input fields of the same name. A record that cannot be cleaned
// becomes {"id": ..., "error": "..."} (the naming fields it has among "id",
// "warc_record_id" and "url"; "id": null and "line" when it has none), so
// records out = records in.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace pith::batch {

struct JsonlInput {
  nlohmann::ordered_json fields;  // the record as read (an object), "html" removed unless kept
  std::string content;            // the "html" value, else the "text" value
  bool is_text = false;           // no "html": clean `content` as text input
  std::string error;              // why the record cannot be cleaned; "" when it can
};

// Records nested deeper than this are refused (the JSON library recurses).
constexpr std::size_t kMaxJsonDepth = 512;

// Parses one line. `keep_html` leaves "html" in `fields` (a copy) for
// --keep-input; otherwise it is moved out of the record into `content`.
JsonlInput ParseJsonlLine(std::string_view line, bool keep_html);

// The output line (ending in "\n") for a cleaned record.
std::string CleanedRecord(nlohmann::ordered_json fields, const Result& result, const Ruleset& rules);

// The error line (ending in "\n") standing in for a record: its naming
// fields ("id", "warc_record_id", "url"; or "id": null and the 1-based
// `line` number when it has none) and "error": `message`.
std::string ErrorRecord(const nlohmann::ordered_json& fields, std::size_t line, const std::string& message);

}  // namespace pith::batch
