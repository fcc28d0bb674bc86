# The Python module against the CLI: same text, fields, messages and records.
import json
import pydoc
import threading

import pytest

import pith

PROSE = ("The council approved the new cycle lanes on Tuesday after a long debate, "
         "and work will start in the spring.")


def page(body, head=""):
    return f"<html><head>{head}</head><body>{body}</body></html>"


def article(*paragraphs):
    return page("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")


@pytest.mark.parametrize("name", ["example.html", "golden/clean_de_faehre.html", "golden/clean_en_lighthouse.txt"])
def test_text_is_the_cli_text(root, cli, name):
    data = (root / "corpora" / name).read_bytes()
    assert pith.clean(data).text == cli(root / "corpora" / name).stdout.decode()


def test_fields_are_the_cli_json_fields(root, cli):
    path = root / "corpora" / "example.html"
    expected = json.loads(cli("--format", "json", path).stdout)
    result = pith.clean(path.read_bytes())
    assert result.title == expected["title"] != ""
    assert result.author == expected["author"]
    assert result.date == expected["date"]
    assert result.site_name == expected["site_name"]
    assert result.language == expected["language"] == "en"
    assert result.removed == expected["removed"]
    assert result.input == "html"
    assert result.to_dict() == {k: expected[k] for k in
                                ("text", "title", "author", "date", "site_name", "language", "removed")}


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_formats_are_the_cli_formats(root, cli, fmt):
    path = root / "corpora" / "example.html"
    result = pith.clean(path.read_bytes(), format=fmt, source=str(path))
    assert result.format == fmt
    assert result.text == cli("--format", fmt, path).stdout.decode()


def test_explain_is_the_cli_explain(root, cli):
    path = root / "corpora" / "example.html"
    result = pith.clean(path.read_bytes(), source=str(path))
    assert result.explain() == cli("--explain", path).stdout.decode()
    assert pith.clean(PROSE).explain().startswith("source:    -\ninput:     text")


def test_bytes_use_the_meta_charset():
    data = article(f"Caf\xe9 cr\xe8me. {PROSE}").replace("<head>", "<head><meta charset=windows-1252>")
    result = pith.clean(data.encode("cp1252"))
    assert "Café crème." in result.text
    assert result.charset == "WINDOWS-1252"


def test_str_is_taken_as_decoded_whatever_the_page_declares():
    # The same page as a str: its meta charset must not decode it twice.
    data = article(f"Caf\xe9 cr\xe8me. {PROSE}").replace("<head>", "<head><meta charset=windows-1252>")
    result = pith.clean(data)
    assert "Café crème." in result.text
    assert result.charset == "UTF-8"


def test_forced_encoding():
    data = f"{PROSE} Gr\xfc\xdfe aus K\xf6ln.\n".encode("latin-1")
    assert "Grüße aus Köln." in pith.clean(data, encoding="iso-8859-1").text


def test_buffers_other_than_bytes():
    data = article(PROSE).encode()
    assert pith.clean(bytearray(data)).text == pith.clean(memoryview(data)).text == PROSE + "\n"


def cli_error(cli, *args):
    proc = cli(*args, stdin=PROSE.encode())
    assert proc.returncode != 0
    return proc.stderr.decode().rstrip("\n")


@pytest.mark.parametrize("keyword,value,flag,message", [
    ("favor", "fast", "--favor", "favor must be balanced, precision or recall, not 'fast'"),
    ("format", "pdf", "--format", "format must be text, json, markdown or html, not 'pdf'"),
    ("input", "xml", "--input", "input must be auto, html or text, not 'xml'"),
])
def test_option_errors_are_the_cli_messages(cli, keyword, value, flag, message):
    with pytest.raises(pith.Error) as e:
        pith.clean(PROSE, **{keyword: value})
    assert str(e.value) == message
    assert cli_error(cli, flag, value) == "pith: --" + message


def test_binary_input_error(cli, tmp_path):
    data = b"%PDF-1.4\n\0\0\0binary"
    with pytest.raises(pith.Error) as e:
        pith.clean(data)
    assert str(e.value) == "not text or HTML (looks like PDF)"
    assert isinstance(e.value, ValueError)
    (tmp_path / "b.pdf").write_bytes(data)
    assert cli_error(cli, tmp_path / "b.pdf").startswith(f"pith: {tmp_path / 'b.pdf'}: {e.value}")


def test_unknown_encoding_error():
    with pytest.raises(pith.Error, match=r"^unknown encoding 'nope' \(see `iconv --list` for the names this system knows\)$"):
        pith.clean(b"text", encoding="nope")


def test_bad_rules_file_error(cli, tmp_path):
    bad = tmp_path / "bad.rules"
    bad.write_text("broken target=text action=drop wieght=1 pattern=x\n")
    with pytest.raises(pith.Error) as e:
        pith.Cleaner(add_rules=bad)
    assert str(e.value).startswith(f"{bad}:1: unknown key 'wieght' (did you mean 'weight'?)")
    assert cli_error(cli, "--add-rules", bad) == "pith: " + str(e.value)


def test_missing_rules_directory_error(tmp_path):
    with pytest.raises(pith.Error, match="^" + str(tmp_path / "none") + ": cannot read rules directory"):
        pith.Cleaner(rules=tmp_path / "none")


def test_type_errors():
    with pytest.raises(TypeError, match="^pith cleans str or bytes, not int$"):
        pith.clean(3)
    with pytest.raises(TypeError, match="^encoding= applies to bytes; a str is already decoded$"):
        pith.clean(PROSE, encoding="latin-1")


def test_added_and_replaced_rules(root, tmp_path):
    extra = tmp_path / "extra.rules"
    extra.write_text("kill-council target=text action=drop pattern=^The council approved\n")
    assert pith.clean(PROSE).text == PROSE + "\n"
    assert pith.clean(PROSE, add_rules=[extra]).text == ""
    assert pith.Cleaner(add_rules=str(extra)).clean(PROSE).text == ""
    own = tmp_path / "own"
    own.mkdir()
    (own / "only.rules").write_text("kill-council target=text action=drop pattern=council\n")
    assert pith.clean(PROSE, rules=own).text == ""
    assert pith.clean(PROSE, rules=root / "rules").text == PROSE + "\n"


def test_favor_and_input_choose_the_pipeline():
    html_as_text = pith.clean(article(PROSE), input="text")
    assert html_as_text.input == "text"
    assert "\ninput:     text (forced by --input)\n" in html_as_text.explain()
    assert pith.clean(article(PROSE)).input == "html"
    assert pith.clean(PROSE, input="html").input == "html"
    assert pith.Cleaner(favor="precision").clean(PROSE).text == PROSE + "\n"


def test_cleaner_overrides_per_call():
    cleaner = pith.Cleaner(format="markdown")
    heading = page("<article><h2>Cycle lanes</h2><p>" + PROSE + "</p></article>")
    assert cleaner.clean(heading).text.startswith("## Cycle lanes")
    assert cleaner.clean(heading, format="text").text.startswith("Cycle lanes\n")
    assert cleaner(heading).format == "markdown"


def test_records_are_the_cli_records(cli, tmp_path):
    lines = [
        json.dumps({"id": "a", "html": article("Alpha. " + PROSE), "lang": "en"}),
        json.dumps({"url": "https://example.org/b", "text": "Beta. " + PROSE}),
        "",
        json.dumps({"id": "c"}),
        "not json",
        json.dumps({"id": "d", "html": article("Delta. " + PROSE)}, ensure_ascii=False),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    cleaner = pith.Cleaner()
    out, errors = [], []
    for number, line in enumerate(path.read_text().split("\n"), 1):
        if line.strip():
            record, error = cleaner.clean_record(line, path=str(path), line=number)
            out.append(record)
            errors.append(error)
    assert "".join(out) == cli("--jsonl", "-q", path).stdout.decode()
    assert errors[0] == errors[1] == errors[4] == ""
    assert errors[2] == f'{path}:4: no "html" or "text" field'
    assert errors[3].startswith(f"{path}:5: invalid JSON")
    assert json.loads(out[0])["text"] == "Alpha. " + PROSE + "\n"


def test_threads_share_one_cleaner():
    cleaner = pith.Cleaner()
    docs = [article(f"Item {i}. " + PROSE, f"Second paragraph {i}, with the words prose has.") for i in range(64)]
    expected = [cleaner.clean(d).text for d in docs]
    got = [None] * len(docs)

    def work(k):
        for i in range(k, len(docs), 4):
            got[i] = cleaner.clean(docs[i]).text

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected
    assert all(f"Item {i}." in t for i, t in enumerate(got))


def test_help_shows_the_api():
    text = pydoc.render_doc(pith, renderer=pydoc.plaintext)
    for expected in ("Clean one page and return a Result", "class Cleaner", "class Result", "explain(",
                     "to_dict(", "clean_record(", "releases the GIL", "pith.Error"):
        assert expected in text
    assert pith.__version__.count(".") == 2
