#!/bin/sh
# Command-line behaviour: exit codes, errors that name the file, help text.
# usage: cli_test.sh PITH SOURCE_DIR
PITH=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() {  # check NAME CONDITION...
  name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fail=1; fi
}
line_matches() {  # line_matches N REGEX FILE: line N of FILE matches REGEX
  sed -n "$1p" "$3" | grep -q "$2"
}

printf 'A first paragraph of plain text that is long enough to be kept as the body of the page, with words.\n' > "$TMP/a.txt"
printf '%%PDF-1.4\n\0\0\0binary' > "$TMP/b.pdf"

"$PITH" --help > "$TMP/help" 2>&1
check "help exits 0" test $? -eq 0
check "help documents exit codes" grep -q "Exit status" "$TMP/help"
check "help lists --format" grep -q -- "--format" "$TMP/help"

"$PITH" --version > "$TMP/version"
check "version" grep -q "^pith [0-9]" "$TMP/version"

"$PITH" --format nope "$TMP/a.txt" 2> "$TMP/err"
check "bad format exits 2" test $? -eq 2
check "bad format message" grep -q "format must be text, json, markdown or html" "$TMP/err"

"$PITH" "$TMP/missing.html" "$TMP/a.txt" > "$TMP/out" 2> "$TMP/err"
check "missing file exits 1" test $? -eq 1
check "missing file named" grep -q "missing.html: cannot read file" "$TMP/err"
check "other files still cleaned" grep -q "first paragraph" "$TMP/out"

"$PITH" "$TMP/b.pdf" > /dev/null 2> "$TMP/err"
check "binary exits 1" test $? -eq 1
check "binary reported" grep -q "b.pdf: not text or HTML (looks like PDF)" "$TMP/err"

"$PITH" < "$TMP/a.txt" > "$TMP/out"
check "stdin works" grep -q "first paragraph" "$TMP/out"

printf 'broken target=text action=drop wieght=1 pattern=x\n' > "$TMP/bad.rules"
"$PITH" --add-rules "$TMP/bad.rules" "$TMP/a.txt" > /dev/null 2> "$TMP/err"
check "bad rules exit 2" test $? -eq 2
check "bad rules file:line" grep -q "bad.rules:1: unknown key 'wieght' (did you mean 'weight'?)" "$TMP/err"

printf 'kill-first target=text action=drop pattern=^A first paragraph\n' > "$TMP/extra.rules"
"$PITH" --add-rules "$TMP/extra.rules" "$TMP/a.txt" > "$TMP/out"
check "added rule applies" test ! -s "$TMP/out"

"$PITH" --rules "$SRC/rules" --explain "$TMP/a.txt" > "$TMP/out"
check "explain shows input decision" grep -q "^input: *text" "$TMP/out"

"$PITH" --format json "$TMP/a.txt" "$TMP/a.txt" > "$TMP/out"
check "json: one object per line and file" test "$(wc -l < "$TMP/out")" -eq 2

# Batches: directories, lists, output directories, threads.
PROSE='The council approved the new cycle lanes on Tuesday after a long debate, and work will start in the spring.'
mkdir -p "$TMP/site/sub"
printf '<html><body><article><p>Alpha. %s</p></article></body></html>' "$PROSE" > "$TMP/site/a.html"
printf '<html><body><article><p>Beta. %s</p></article></body></html>' "$PROSE" > "$TMP/site/sub/b.html"
printf '<html><body><article><p>Gamma. %s</p></article></body></html>' "$PROSE" > "$TMP/site/c.htm"

"$PITH" "$TMP/site" > "$TMP/out" 2> "$TMP/err"
check "directory: exits 0" test $? -eq 0
check "directory: recursive, sorted, with headers" test "$(grep '^==> ' "$TMP/out" | tr '\n' ' ')" = \
  "==> $TMP/site/a.html <== ==> $TMP/site/c.htm <== ==> $TMP/site/sub/b.html <== "
check "summary line on stderr" grep -q "^pith: 3 documents, 0 failed, .* MB in .* s (" "$TMP/err"
"$PITH" --quiet "$TMP/site" > /dev/null 2> "$TMP/err"
check "--quiet hides the summary" test ! -s "$TMP/err"

printf '%s\n' "$TMP/site/sub/b.html" "$TMP/a.txt" > "$TMP/list"
"$PITH" --files-from "$TMP/list" -q > "$TMP/out"
check "--files-from reads the listed files" test "$(grep -c '^==> ' "$TMP/out")" -eq 2
printf '%s\n' "$TMP/a.txt" | "$PITH" --files-from - -q > "$TMP/out"
check "--files-from - reads the list from stdin" grep -q "first paragraph" "$TMP/out"
"$PITH" --files-from "$TMP/nolist" > /dev/null 2> "$TMP/err"
check "--files-from: missing list exits 2" test $? -eq 2

"$PITH" --format json -j1 -q "$TMP/site" > "$TMP/j1"
"$PITH" --format json -j 3 -q "$TMP/site" > "$TMP/j3"
check "-j: same output in the same order" cmp -s "$TMP/j1" "$TMP/j3"
"$PITH" -j -1 "$TMP/a.txt" > /dev/null 2>&1
check "-j: negative exits 2" test $? -eq 2

"$PITH" --output-dir "$TMP/clean" --format markdown -q "$TMP/site"
check "--output-dir: mirrors names" test -f "$TMP/clean/sub/b.md" -a -f "$TMP/clean/a.md" -a -f "$TMP/clean/c.md"
check "--output-dir: content" grep -q "^Beta\. The council" "$TMP/clean/sub/b.md"
printf 'x' > "$TMP/site/c.html"
"$PITH" --output-dir "$TMP/clean" "$TMP/site" > /dev/null 2> "$TMP/err"
check "--output-dir: name clash exits 2" test $? -eq 2
check "--output-dir: name clash named" grep -q "c.htm and .*c.html would both be written to 'c.txt'" "$TMP/err"
rm "$TMP/site/c.html"

head -c 100000 /dev/zero | tr '\0' 'x' > "$TMP/big.txt"
"$PITH" --max-bytes 1K "$TMP/big.txt" > /dev/null 2> "$TMP/err"
check "--max-bytes: cut with a warning, exit 0" test $? -eq 0
check "--max-bytes: warning names the file" grep -q "big.txt: larger than --max-bytes (1024 bytes): cleaned the first 1024 bytes" "$TMP/err"
"$PITH" --max-bytes lots "$TMP/a.txt" > /dev/null 2>&1
check "--max-bytes: malformed exits 2" test $? -eq 2

# JSON Lines.
{
  printf '{"id":"h1","html":"<article><p>Alpha. %s</p></article>","lang":"en"}\n' "$PROSE"
  printf '{"id":"t2","text":"Beta. %s"}\n' "$PROSE"
  printf 'not json\n'
  printf '{"url":"https://e.org/4"}\n'
  printf '{"id":"h5","html":"<p>Gamma. %s</p>"}\n' "$PROSE"
} > "$TMP/in.jsonl"
"$PITH" --jsonl -q < "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"
check "jsonl: a bad record exits 1" test $? -eq 1
check "jsonl: one record out per record in" test "$(wc -l < "$TMP/out")" -eq 5
check "jsonl: fields passed through, html dropped, text added" \
  grep -q '^{"id":"h1","lang":"en","text":"Alpha\. The council' "$TMP/out"
check "jsonl: html not in the output" test "$(grep -c '"html"' "$TMP/out")" -eq 0
check "jsonl: error record in place" line_matches 3 '^{"id":null,"line":3,"error":"<stdin>:3: invalid JSON' "$TMP/out"
check "jsonl: error record keeps the url" line_matches 4 '^{"url":"https://e.org/4","error":".*no \\"html\\" or \\"text\\" field"}$' "$TMP/out"
check "jsonl: errors on stderr" grep -q '^pith: <stdin>:4: no "html" or "text" field' "$TMP/err"
"$PITH" --jsonl --keep-input -q "$TMP/in.jsonl" > "$TMP/out" 2> /dev/null
check "jsonl: --keep-input keeps html" test "$(grep -c '"html"' "$TMP/out")" -eq 2
"$PITH" --jsonl --explain "$TMP/in.jsonl" > /dev/null 2>&1
check "jsonl: --explain exits 2" test $? -eq 2

# WARC: plain, and gzip with one member per record.
http() {  # http STATUS CONTENT_TYPE BODY
  printf 'HTTP/1.1 %s X\r\nContent-Type: %s\r\n\r\n%s' "$1" "$2" "$3"
}
warc() {  # warc ID URI BLOCKFILE
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n' "$1" "$2"
  printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' "$(wc -c < "$3" | tr -d ' ')"
  cat "$3"
  printf '\r\n\r\n'
}
http 200 'text/html; charset=utf-8' "<article><p>Alpha. $PROSE</p></article>" > "$TMP/r1"
http 404 'text/html' "<p>Not found. $PROSE</p>" > "$TMP/r2"
http 200 'text/html' "<article><p>Gamma. $PROSE</p></article>" > "$TMP/r3"
{ warc 1 https://e.org/1 "$TMP/r1"; warc 2 https://e.org/2 "$TMP/r2"; warc 3 https://e.org/3 "$TMP/r3"; } > "$TMP/crawl.warc"
{ warc 1 https://e.org/1 "$TMP/r1" | gzip; warc 2 https://e.org/2 "$TMP/r2" | gzip; warc 3 https://e.org/3 "$TMP/r3" | gzip; } \
  > "$TMP/crawl.warc.gz"
"$PITH" -q "$TMP/crawl.warc" > "$TMP/out"
check "warc: exits 0" test $? -eq 0
check "warc: 200 HTML responses only" test "$(wc -l < "$TMP/out")" -eq 2
check "warc: keyed by record id and url" \
  grep -q '^{"warc_record_id":"<urn:uuid:1>","url":"https://e.org/1","text":"Alpha\. The council' "$TMP/out"
"$PITH" -q "$TMP/crawl.warc.gz" > "$TMP/outgz"
check "warc.gz: same records" cmp -s "$TMP/out" "$TMP/outgz"
cp "$TMP/crawl.warc.gz" "$TMP/crawl.bin"
"$PITH" -q < "$TMP/crawl.bin" > "$TMP/outgz"
check "warc: detected by content on stdin" cmp -s "$TMP/out" "$TMP/outgz"
"$PITH" -q --output-dir "$TMP/wout" "$TMP/crawl.warc.gz"
check "warc: --output-dir writes .jsonl" cmp -s "$TMP/out" "$TMP/wout/crawl.jsonl"
head -c $(($(wc -c < "$TMP/crawl.warc.gz") - 40)) "$TMP/crawl.warc.gz" > "$TMP/cut.warc.gz"
"$PITH" -q "$TMP/cut.warc.gz" > /dev/null 2> "$TMP/err"
check "warc: truncated file exits 1" test $? -eq 1
check "warc: truncated file reported" grep -q "cut.warc.gz: .*truncated" "$TMP/err"

# Time budget: the flag, its default in --help, a document over budget.
check "help documents --timeout and its default" grep -q -- "--timeout SECONDS (=60)" "$TMP/help"
"$PITH" --timeout -1 "$TMP/a.txt" > /dev/null 2> "$TMP/err"
check "--timeout: negative exits 2" test $? -eq 2
check "--timeout: negative message" grep -qx "pith: --timeout must be a number of seconds, 0 or more (0: no limit), not -1" "$TMP/err"
"$PITH" --timeout soon "$TMP/a.txt" > /dev/null 2>&1
check "--timeout: not a number exits 2" test $? -eq 2
"$PITH" --timeout 0.000000001 "$TMP/a.txt" "$TMP/site/a.html" > "$TMP/out" 2> "$TMP/err"
check "--timeout: over budget exits 1" test $? -eq 1
check "--timeout: over budget says so, per document" test "$(grep -c 'time budget of 1e-09 s exceeded in decode$' "$TMP/err")" -eq 2
"$PITH" --jsonl --timeout 0.000000001 -q "$TMP/in.jsonl" > "$TMP/out" 2> /dev/null
check "--timeout: jsonl gives one record per record" test "$(wc -l < "$TMP/out")" -eq 5
check "--timeout: jsonl error record with id and reason" \
  line_matches 1 '^{"id":"h1","error":".*in.jsonl:1: time budget of 1e-09 s exceeded in decode"}$' "$TMP/out"

# Hostile input: each gets its text or a specific error; a batch goes on.
# Memory is bounded with ulimit -v where it proves something (not under
# AddressSanitizer, which reserves terabytes of address space).
limited() {  # limited KB COMMAND...: run with at most KB of virtual memory
  kb=$1
  shift
  if [ -n "${PITH_SANITIZED:-}" ]; then "$@"; else (ulimit -v "$kb" && exec "$@"); fi
}
ARTICLE="<article><p>$PROSE</p></article>"
mkdir -p "$TMP/hostile"
: > "$TMP/hostile/empty.html"
printf ' \n\t\n' > "$TMP/hostile/blank.txt"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > "$TMP/hostile/image.png"
printf 'x' | gzip > "$TMP/hostile/packed.gz"
printf '\177ELF\2\1\1\0\0\0\0\0' > "$TMP/hostile/program"
printf '<html><body><p>Null\0 bytes. %s</p>' "$PROSE" > "$TMP/hostile/nul.html"
printf '<html><body>%s<div class="cut' "$ARTICLE" > "$TMP/hostile/truncated.html"
"$PITH" -q "$TMP/hostile" > "$TMP/out" 2> "$TMP/err"
check "hostile batch: exits 1" test $? -eq 1
check "hostile batch: empty input named" grep -qx "pith: $TMP/hostile/empty.html: empty input: nothing to clean" "$TMP/err"
check "hostile batch: blank input named" \
  grep -qx "pith: $TMP/hostile/blank.txt: only white space: nothing to clean (4 bytes)" "$TMP/err"
check "hostile batch: PNG refused" grep -qx "pith: $TMP/hostile/image.png: not text or HTML (looks like PNG)" "$TMP/err"
check "hostile batch: gzip refused" grep -qx "pith: $TMP/hostile/packed.gz: not text or HTML (looks like gzip)" "$TMP/err"
check "hostile batch: executable refused" \
  grep -qx "pith: $TMP/hostile/program: not text or HTML (looks like ELF executable)" "$TMP/err"
check "hostile batch: the other pages are cleaned" test "$(grep -c "^Null bytes\. $PROSE\$\|^$PROSE\$" "$TMP/out")" -eq 2
check "hostile batch: NUL bytes removed" test "$(tr -d -c '\000' < "$TMP/out" | wc -c)" -eq 0

python3 - "$TMP" "$ARTICLE" <<'PY'
import sys
tmp, article = sys.argv[1], sys.argv[2]
def write(name, *parts):
    with open(f"{tmp}/{name}", "w") as f:
        for p in parts:
            f.write(p)
write("nested.html", "<html><body>", "<div>" * 1000000, article)
write("lists.html", "<html><body>", "<ul><li>" * 20000, article)
write("tables.html", "<html><body>", "<table><tr><td>" * 5000, article)
write("siblings.html", "<html><body>", "<span>word</span> " * 1000000, article)
write("attribute.html", "<html><body><div title=\"", "a" * (10 << 20), "\">", article, "</div>")
write("line.txt", "Word after word on one line. " * 3500000)
PY
for f in nested lists tables; do
  limited 600000 "$PITH" "$TMP/$f.html" > "$TMP/out" 2> "$TMP/err"
  check "hostile: $f, in 600 MB, keeps the article after" test "$(cat "$TMP/out")" = "$PROSE"
done
limited 1500000 "$PITH" --timeout 0 "$TMP/siblings.html" > "$TMP/out"
check "hostile: 1,000,000 siblings, in 1.5 GB" grep -qx "$PROSE" "$TMP/out"
limited 600000 "$PITH" "$TMP/attribute.html" > "$TMP/out"
check "hostile: 10 MB attribute value, in 600 MB" test "$(cat "$TMP/out")" = "$PROSE"
# A 100 MB single line: over the default --max-bytes (64M), so cut at a
# character boundary, cleaned, and reported.
limited 2000000 "$PITH" --timeout 0 "$TMP/line.txt" > "$TMP/out" 2> "$TMP/err"
check "hostile: 100 MB single line exits 0" test $? -eq 0
check "hostile: 100 MB single line cut and reported" \
  grep -qx "pith: $TMP/line.txt: larger than --max-bytes (67108864 bytes): cleaned the first 67108864 bytes" "$TMP/err"
check "hostile: 100 MB single line: one line of text out" test "$(wc -l < "$TMP/out")" -eq 1 -a "$(wc -c < "$TMP/out")" -gt 60000000
rm -f "$TMP"/nested.html "$TMP"/siblings.html "$TMP"/attribute.html "$TMP"/line.txt

# JSON Lines: a record nested a million levels deep is refused, not a crash.
{ printf '{"id":"deep","x":'; head -c 1000000 /dev/zero | tr '\0' '['; printf '}\n'; printf '{"id":"ok","text":"%s"}\n' "$PROSE"; } \
  > "$TMP/deep.jsonl"
"$PITH" --jsonl -q "$TMP/deep.jsonl" > "$TMP/out" 2> /dev/null
check "jsonl: deep nesting exits 1, not a crash" test $? -eq 1
check "jsonl: deep nesting refused in place" line_matches 1 '"error":".*deep.jsonl:1: invalid JSON: nested deeper than 512 levels"' "$TMP/out"
check "jsonl: the next record is cleaned" line_matches 2 '^{"id":"ok","text":' "$TMP/out"

# GNU parallel splits a JSON Lines stream over several pith processes.
if command -v parallel > /dev/null 2>&1; then
  i=0
  while [ $i -lt 300 ]; do
    printf '{"id":"r%d","text":"Record %d. %s"}\n' $i $i "$PROSE"
    i=$((i + 1))
  done > "$TMP/many.jsonl"
  parallel --will-cite --pipe -N 40 --keep-order "$PITH" --jsonl -q -j1 < "$TMP/many.jsonl" > "$TMP/par.jsonl"
  check "parallel: exits 0" test $? -eq 0
  check "parallel: every id exactly once" test "$(grep -o '^{"id":"r[0-9]*"' "$TMP/par.jsonl" | sort -u | wc -l)" -eq 300 -a \
    "$(wc -l < "$TMP/par.jsonl")" -eq 300
  grep -o '^{"id":"r[0-9]*"' "$TMP/many.jsonl" > "$TMP/ids.in"
  grep -o '^{"id":"r[0-9]*"' "$TMP/par.jsonl" > "$TMP/ids.out"
  check "parallel: --keep-order keeps the input order" cmp -s "$TMP/ids.in" "$TMP/ids.out"
else
  echo "skip parallel: GNU parallel not installed"
fi

exit $fail
