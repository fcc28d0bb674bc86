#include "choices.h"

namespace pith {
namespace {

Status NotOneOf(std::string_view option, std::string_view names, std::string_view got) {
  return Status::Error(std::string(option) + " must be " + std::string(names) + ", not '" + std::string(got) + "'");
}

}  // namespace

Status ParseInputMode(std::string_view name, InputMode* mode) {
  if (name == "auto") *mode = InputMode::kAuto;
  else if (name == "html") *mode = InputMode::kHtml;
  else if (name == "text") *mode = InputMode::kText;
  else return NotOneOf("input", "auto, html or text", name);
  return Status::Ok();
}

Status ParseFormat(std::string_view name, Format* format) {
  if (name == "text") *format = Format::kText;
  else if (name == "json") *format = Format::kJson;
  else if (name == "markdown" || name == "md") *format = Format::kMarkdown;
  else if (name == "html") *format = Format::kHtml;
  else return NotOneOf("format", "text, json, markdown or html", name);
  return Status::Ok();
}

Status ParseFavor(std::string_view name, Favor* favor) {
  if (name == "balanced") *favor = Favor::kBalanced;
  else if (name == "precision") *favor = Favor::kPrecision;
  else if (name == "recall") *favor = Favor::kRecall;
  else return NotOneOf("favor", "balanced, precision or recall", name);
  return Status::Ok();
}

Status LoadRules(const RulesChoice& choice, Ruleset* rules, unsigned threads) {
  if (choice.dir.empty()) {
    *rules = Ruleset::Default(threads);
    if (choice.add.empty()) return Status::Ok();
  } else if (Status s = rules->AddDirectory(choice.dir); !s.ok()) {
    return s;
  }
  for (const std::string& file : choice.add)
    if (Status s = rules->AddPath(file); !s.ok()) return s;
  return rules->Compile(threads);
}

}  // namespace pith
