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

exit $fail
