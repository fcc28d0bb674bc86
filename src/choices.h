// choices: the words a user types to choose CleanOptions' modes, the output
// format and the rules, shared by the CLI (main.cc) and the Python module
// (python/module.cc) so that both accept the same names and report the same
// messages.
//
// Messages name the option without dashes ("favor must be balanced, precision
// or recall, not 'fast'"): the CLI prints them after "--", the Python module
// raises them for the keyword argument of that name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "classify/score.h"
#include "output/render.h"
#include "pipeline.h"
#include "ruleset/ruleset.h"
#include "status.h"

namespace pith {

// "auto", "html" or "text".
Status ParseInputMode(std::string_view name, InputMode* mode);
// "text", "json", "markdown" (or "md") or "html".
Status ParseFormat(std::string_view name, Format* format);
// "balanced", "precision" or "recall".
Status ParseFavor(std::string_view name, Favor* favor);

struct RulesChoice {
  std::string dir;               // --rules: a directory whose *.rules replace the built-in rules; "" = built-in
  std::vector<std::string> add;  // --add-rules: files added on top, in order
};

// Fills `rules` (empty on entry) with the rules `choice` names and compiles
// them on up to `threads` threads (Ruleset::Compile). Errors are those of
// Ruleset::AddDirectory, AddPath and Compile ("file:line: what", the line
// and a caret). Cost: reads and compiles every rule; the built-in set alone
// takes some 40 ms of CPU.
Status LoadRules(const RulesChoice& choice, Ruleset* rules, unsigned threads = 1);

}  // namespace pith
