#include "batch/jsonl.h"

#include <algorithm>

#include "output/render.h"

namespace pith::batch {
namespace {

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// nlohmann's messages start with "[json.exception.parse_error.101] ": keep the rest.
std::string ParseMessage(const std::exception& e) {
  std::string m = e.what();
  const std::size_t close = m.find("] ");
  if (m.rfind("[json.exception", 0) == 0 && close != std::string::npos) m.erase(0, close + 2);
  // The record is one line: its line number is the caller's, not "line 1".
  const std::size_t at = m.find("at line 1, column");
  if (at != std::string::npos) m.erase(at + 3, 8);
  return m;
}

// The deepest nesting of arrays and objects, strings skipped. The JSON
// library builds, copies and writes values recursively: a line of a million
// '[' would overflow the stack, so such lines are refused before parsing.
std::size_t NestingDepth(std::string_view line) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

JsonlInput ParseJsonlLine(std::string_view line, bool keep_html) {
  JsonlInput in;
  if (NestingDepth(line) > kMaxJsonDepth) {
    in.fields = nullptr;
    in.error = "invalid JSON: nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return in;
  }
  try {
    in.fields = nlohmann::ordered_json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    in.fields = nullptr;
    in.error = "invalid JSON: " + ParseMessage(e);
    return in;
  }
  if (!in.fields.is_object()) {
    in.error = std::string("a record must be a JSON object, not ") + in.fields.type_name();
    in.fields = nullptr;
    return in;
  }
  auto take = [&](const char* key) {
    const auto it = in.fields.find(key);
    if (it == in.fields.end()) return false;
    if (!it->is_string()) {
      in.error = std::string("\"") + key + "\" must be a string, not " + it->type_name();
      return true;
    }
    if (keep_html || std::string_view(key) != "html") {
      in.content = it->get<std::string>();
    } else {
      in.content = std::move(it->get_ref<std::string&>());
      in.fields.erase(it);
    }
    return true;
  };
  if (take("html")) return in;
  in.is_text = true;
  if (!take("text")) in.error = "no \"html\" or \"text\" field";
  return in;
}

std::string CleanedRecord(nlohmann::ordered_json fields, const Result& result, const Ruleset& rules) {
  AddResultFields(result, rules, &fields);
  return Dump(fields);
}

std::string ErrorRecord(const nlohmann::ordered_json& fields, std::size_t line, const std::string& message) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (fields.is_object())
    for (const char* key : {"id", "warc_record_id", "url"})
      if (fields.contains(key)) out[key] = fields[key];
  if (out.empty()) {
    out["id"] = nullptr;
    out["line"] = line;
  }
  out["error"] = message;
  return Dump(out);
}

}  // namespace pith::batch
