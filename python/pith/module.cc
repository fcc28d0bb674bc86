// pith._pith: the Python face of the library, a front end like main.cc.
//
// Arguments go through the same functions as the CLI's flags (choices.h:
// ParseInputMode, ParseFormat, ParseFavor, LoadRules), so both accept the
// same words and fail with the same messages; then Clean, Render,
// AddResultFields and RenderExplain do the work. A failed Status becomes a
// pith.Error carrying its message. The GIL is released while a document is
// cleaned and rendered, so Python threads sharing one Cleaner run in
// parallel (Clean is thread-safe for calls sharing a Ruleset).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "batch/jsonl.h"
#include "choices.h"
#include "output/render.h"
#include "pipeline.h"
#include "ruleset/ruleset.h"

namespace py = pybind11;

namespace pith {
namespace {

// Raised as pith.Error (a ValueError) by the translator registered below.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void Check(const Status& s) {
  if (!s.ok()) throw Error(s.message());
}

// str, bytes or os.PathLike -> a file system path, as os.fsdecode spells it.
std::string Path(py::handle path) {
  return py::module_::import("os").attr("fsdecode")(path).cast<std::string>();
}

// None, one path, or an iterable of paths.
std::vector<std::string> Paths(const py::object& paths) {
  if (paths.is_none()) return {};
  if (py::isinstance<py::str>(paths) || py::isinstance<py::bytes>(paths) || py::hasattr(paths, "__fspath__"))
    return {Path(paths)};
  std::vector<std::string> out;
  for (py::handle p : paths) out.push_back(Path(p));
  return out;
}

// What Cleaner.clean returns: the rendered text, the metadata fields of the
// JSON Lines records, and the whole pipeline Result for explain().
class Cleaned {
 public:
  Cleaned(std::shared_ptr<const Ruleset> rules, Result result, Format format, std::string source)
      : rules_(std::move(rules)), result_(std::move(result)), format_(format), source_(std::move(source)) {}

  // Renders; runs without the GIL.
  void Render() {
    text_ = pith::Render(result_, format_, *rules_, source_);
    AddResultFields(result_, *rules_, &fields_);
    fields_["text"] = text_;
  }

  const Status& status() const { return result_.status; }
  const std::string& text() const { return text_; }
  std::string Field(const char* key) const { return fields_[key].get<std::string>(); }
  std::map<std::string, int> removed() const { return fields_["removed"].get<std::map<std::string, int>>(); }
  std::string input() const { return result_.kind == InputKind::kHtml ? "html" : "text"; }
  const std::string& charset() const { return result_.charset; }
  std::string format() const {
    switch (format_) {
      case Format::kText: return "text";
      case Format::kJson: return "json";
      case Format::kMarkdown: return "markdown";
      case Format::kHtml: return "html";
    }
    return "";
  }

  std::string Explain() const {
    py::gil_scoped_release release;
    return RenderExplain(result_, Format::kText, *rules_, source_);
  }

  py::dict ToDict() const {
    py::dict d;
    for (const char* key : {"text", "title", "author", "date", "site_name", "language"}) d[key] = Field(key);
    d["removed"] = removed();
    return d;
  }

  std::string Repr() const {
    std::string title = Field("title");
    return "<pith.Result " + input() + " -> " + format() + ", " + std::to_string(text_.size()) + " bytes of text" +
           (title.empty() ? "" : ", title " + py::repr(py::str(title)).cast<std::string>()) + ">";
  }

 private:
  std::shared_ptr<const Ruleset> rules_;
  Result result_;
  Format format_;
  std::string source_;
  std::string text_;
  nlohmann::ordered_json fields_;
};

const char* const kDefaultSource = "-";

class Cleaner {
 public:
  Cleaner(const py::object& rules, const py::object& add_rules, const std::string& input, const std::string& format,
          const std::optional<std::string>& favor, const std::optional<std::string>& encoding, bool repair) {
    RulesChoice choice;
    if (!rules.is_none()) choice.dir = Path(rules);
    choice.add = Paths(add_rules);
    if (choice.dir.empty() && choice.add.empty()) {
      rules_ = DefaultRules();
    } else {
      auto loaded = std::make_shared<Ruleset>();
      Check(LoadRules(choice, loaded.get()));
      rules_ = std::move(loaded);
    }
    Check(ParseInputMode(input, &options_.input));
    Check(ParseFormat(format, &format_));
    if (favor) Check(ParseFavor(*favor, &options_.score.favor));
    if (encoding) options_.decode.encoding = *encoding;
    options_.repair_injections = repair;
  }

  // Built once per process: compiling the built-in rules takes milliseconds.
  static std::shared_ptr<const Ruleset> DefaultRules() {
    static const std::shared_ptr<const Ruleset> rules = std::make_shared<const Ruleset>(Ruleset::Default());
    return rules;
  }

  Cleaned Clean(py::handle doc, const std::optional<std::string>& input, const std::optional<std::string>& format,
                const std::optional<std::string>& favor, const std::optional<std::string>& encoding,
                const std::string& source) const {
    CleanOptions options = options_;
    Format fmt = format_;
    if (input) Check(ParseInputMode(*input, &options.input));
    if (format) Check(ParseFormat(*format, &fmt));
    if (favor) Check(ParseFavor(*favor, &options.score.favor));
    if (encoding) options.decode.encoding = *encoding;

    // The bytes stay owned by `doc` (immutable str and bytes) while the GIL
    // is released; other buffers are copied first.
    std::string_view bytes;
    std::string copy;
    if (PyUnicode_Check(doc.ptr())) {
      if (!options.decode.encoding.empty())
        throw py::type_error("encoding= applies to bytes; a str is already decoded");
      Py_ssize_t size = 0;
      const char* utf8 = PyUnicode_AsUTF8AndSize(doc.ptr(), &size);
      if (!utf8) throw py::error_already_set();
      bytes = std::string_view(utf8, static_cast<std::size_t>(size));
      options.decode.encoding = "UTF-8";
    } else if (PyBytes_Check(doc.ptr())) {
      bytes = std::string_view(PyBytes_AS_STRING(doc.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(doc.ptr())));
    } else if (PyObject_CheckBuffer(doc.ptr())) {
      const auto buffer = py::reinterpret_steal<py::object>(PyBytes_FromObject(doc.ptr()));
      if (!buffer) throw py::error_already_set();
      copy = buffer.cast<std::string>();
      bytes = copy;
    } else {
      throw py::type_error("pith cleans str or bytes, not " +
                           py::str(py::type::handle_of(doc).attr("__name__")).cast<std::string>());
    }

    std::optional<Cleaned> out;
    {
      py::gil_scoped_release release;
      out.emplace(rules_, pith::Clean(bytes, options, *rules_), fmt, source);
      if (out->status().ok()) out->Render();
    }
    Check(out->status());
    return std::move(*out);
  }

  // One record of `pith --jsonl`: the same parse (ParseJsonlLine), input
  // kind per record ("html" as HTML, else "text" as text) and output line
  // (CleanedRecord, or ErrorRecord naming "path:line: why").
  std::pair<std::string, std::string> CleanRecord(py::handle record, const std::string& path, std::size_t line,
                                                  bool keep_html) const {
    std::string bytes;
    if (PyUnicode_Check(record.ptr())) bytes = record.cast<std::string>();
    else if (PyBytes_Check(record.ptr())) bytes = record.cast<py::bytes>();
    else throw py::type_error("a JSON Lines record is str or bytes, not " +
                              py::str(py::type::handle_of(record).attr("__name__")).cast<std::string>());
    py::gil_scoped_release release;
    const std::string name = line > 0 ? path + ":" + std::to_string(line) : path;
    batch::JsonlInput in = batch::ParseJsonlLine(bytes, keep_html);
    if (!in.error.empty()) {
      const std::string error = name + ": " + in.error;
      return {batch::ErrorRecord(in.fields, line, error), error};
    }
    CleanOptions options = options_;
    options.input = in.is_text ? InputMode::kText : InputMode::kHtml;
    const Result r = pith::Clean(in.content, options, *rules_);
    if (!r.status.ok()) {
      const std::string error = name + ": " + r.status.message();
      return {batch::ErrorRecord(in.fields, line, error), error};
    }
    return {batch::CleanedRecord(std::move(in.fields), r, *rules_), ""};
  }

 private:
  std::shared_ptr<const Ruleset> rules_;
  CleanOptions options_;
  Format format_ = Format::kText;
};

}  // namespace
}  // namespace pith

namespace {

constexpr const char* kCleanerDoc = R"(A reusable cleaner: the rules are loaded and compiled once.

Cleaner(rules=None, add_rules=None, *, input="auto", format="text",
        favor=None, encoding=None, repair=True)

rules      a directory whose *.rules files replace the built-in rules
           (the CLI's --rules); None keeps the built-in rules
add_rules  a rules file, or a list of them, added on top (--add-rules)
input      "auto" (decide from the bytes), "html" or "text" (--input)
format     what Result.text holds: "text" (a paragraph per line), "json",
           "markdown" or "html" (--format)
favor      None or "balanced", "precision" (drop doubtful blocks) or
           "recall" (keep them) (--favor)
encoding   force the charset of bytes input, e.g. "windows-1252"
           (--encoding); None detects it as the CLI does
repair     remove injected spam phrases from kept sentences (False is
           --no-repair)

A Cleaner never changes after construction: share one between threads.
Cleaning releases the GIL, so N threads use N cores. A rules file that does
not load raises pith.Error with the CLI's message ("file:line: what", the
line and a caret).)";

constexpr const char* kCleanDoc = R"(Clean one page and return a Result.

html_or_text is bytes (decoded as the CLI decodes a file: byte-order mark,
<meta charset>, UTF-8 validity, then detection; or `encoding`) or str
(taken as already decoded). The keyword arguments override the Cleaner's
settings for this call; None keeps them. `source` names the document in
format="json" output and in Result.explain().

Raises pith.Error with the CLI's message when the input cannot be read
(binary data, an unknown encoding) or an argument is not one of the names
the CLI accepts, and TypeError for input that is neither str nor bytes.)";

constexpr const char* kCleanRecordDoc = R"(Clean one JSON Lines record exactly as `pith --jsonl` does.

record is one line: an object with "id" or "url" and "html" (a page) or
"text" (already extracted). Returns (output, error): output is the line
the CLI writes for it (ending in "\n"): the input fields without "html"
(unless keep_html) followed by text, title, author, date, site_name,
language and removed; or, for a record that cannot be cleaned,
{"id": ..., "error": "path:line: why"} and the same message as `error`
("" when cleaned). Errors never raise: records out = records in.)";

constexpr const char* kResultDoc = R"(A cleaned page.

text       the kept content in the chosen format ("text": one paragraph per line)
title, author, date, site_name, language
           metadata found in the page ("" when none), as in the CLI's JSON output
removed    dropped blocks per rule family, e.g. {"related": 3, "density": 5}
input      "html" or "text": how the page was read
charset    the charset the bytes were decoded from
format     the format of `text`

explain() gives the CLI's --explain report; to_dict() the fields the CLI's
JSON Lines mode adds to each record.)";

}  // namespace

PYBIND11_MODULE(_pith, m) {
  using pith::Cleaned;
  using pith::Cleaner;
  namespace py = pybind11;
  m.doc() = "The native part of pith; import pith instead.";
  m.attr("__version__") = PITH_VERSION;
  py::register_exception<pith::Error>(m, "Error", PyExc_ValueError);

  py::class_<Cleaned>(m, "Result", kResultDoc)
      .def_property_readonly("text", &Cleaned::text, "The kept content in the chosen format.")
      .def_property_readonly("title", [](const Cleaned& r) { return r.Field("title"); }, "The page title (\"\" if none).")
      .def_property_readonly("author", [](const Cleaned& r) { return r.Field("author"); }, "The author (\"\" if none).")
      .def_property_readonly("date", [](const Cleaned& r) { return r.Field("date"); }, "The publication date (\"\" if none).")
      .def_property_readonly("site_name", [](const Cleaned& r) { return r.Field("site_name"); },
                             "The site's name (\"\" if none).")
      .def_property_readonly("language", [](const Cleaned& r) { return r.Field("language"); },
                             "The detected language code, e.g. \"en\" (\"\" if unknown).")
      .def_property_readonly("removed", &Cleaned::removed, "Dropped blocks per rule family.")
      .def_property_readonly("input", &Cleaned::input, "\"html\" or \"text\": how the page was read.")
      .def_property_readonly("charset", &Cleaned::charset, "The charset the input was decoded from.")
      .def_property_readonly("format", &Cleaned::format, "The format of `text`.")
      .def("explain", &Cleaned::Explain,
           "Every block with its features, rules, score and decision: the CLI's --explain report.")
      .def("to_dict", &Cleaned::ToDict,
           "text, title, author, date, site_name, language and removed: the fields the CLI's --jsonl adds to a "
           "record.")
      .def("__repr__", &Cleaned::Repr);

  py::class_<Cleaner>(m, "Cleaner", kCleanerDoc)
      .def(py::init<const py::object&, const py::object&, const std::string&, const std::string&,
                    const std::optional<std::string>&, const std::optional<std::string>&, bool>(),
           py::arg("rules") = py::none(), py::arg("add_rules") = py::none(), py::kw_only(),
           py::arg("input") = "auto", py::arg("format") = "text", py::arg("favor") = py::none(),
           py::arg("encoding") = py::none(), py::arg("repair") = true)
      .def("clean", &Cleaner::Clean, kCleanDoc, py::arg("html_or_text"), py::kw_only(),
           py::arg("input") = py::none(), py::arg("format") = py::none(), py::arg("favor") = py::none(),
           py::arg("encoding") = py::none(), py::arg("source") = pith::kDefaultSource)
      .def("clean_record", &Cleaner::CleanRecord, kCleanRecordDoc, py::arg("record"), py::kw_only(),
           py::arg("path") = "<stdin>", py::arg("line") = 0, py::arg("keep_html") = false)
      .def("__call__", &Cleaner::Clean, "Same as clean().", py::arg("html_or_text"), py::kw_only(),
           py::arg("input") = py::none(), py::arg("format") = py::none(), py::arg("favor") = py::none(),
           py::arg("encoding") = py::none(), py::arg("source") = pith::kDefaultSource);
}
