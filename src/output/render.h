// render: a cleaned Result as text, JSON, Markdown, sanitised HTML or an
// --explain report.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace pith {

enum class Format { kText, kJson, kMarkdown, kHtml };

// `source` names the input in json and explain output ("-" for stdin).
std::string Render(const Result& result, Format format, const Ruleset& rules, const std::string& source);

// Sets the cleaned fields shared by --format json and JSON Lines records:
// "text", "title", "author", "date", "site_name", "language" and "removed"
// (dropped blocks per rule family). Existing keys keep their place.
void AddResultFields(const Result& result, const Ruleset& rules, nlohmann::ordered_json* j);

// One line per block: position, features, rules fired, score, class and the
// decision with the stage that made it; a header tells what was decided for
// the whole document (input kind, charset, language, container, fallback).
// Format::kJson gives the same as one JSON object per document, with each
// block's full text (for scripts); the other formats give the text report.
std::string RenderExplain(const Result& result, Format format, const Ruleset& rules, const std::string& source);

// The rule family that removed block i ("context", "density", or the rules
// file stem such as "prompts").
std::string RemovalFamily(const Result& result, const Ruleset& rules, std::size_t block);

}  // namespace pith
