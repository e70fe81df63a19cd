#!/usr/bin/env bash
# Tries the built folder (`make dist`) the way an account manager's machine would run it:
# no Python of ours, no display, a home folder of its own. Each step prints one line;
# the first failure stops the check with a message and exit status 1.
#
#   packaging/dist_check.sh ["dist/DMU Board"]
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP=${1:-$ROOT/dist/DMU Board}
if [ -d "$APP" ]; then APP=$(cd "$APP" && pwd); fi
BIN=$APP/dmuboard
FIXTURE=$ROOT/tests/data/schema-v1.dmu
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/dmuboard/__init__.py")

if [ ! -x "$BIN" ]; then
    echo "dist-check: $BIN not found; run 'make dist' first" >&2
    exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dmuboard-dist-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" && chmod 700 "$WORK/home"
passed=0

fail() {
    echo "dist-check: FAILED: $*" >&2
    for name in out err; do
        if [ -s "$WORK/$name" ]; then
            echo "--- std$name:" >&2
            head -n 20 "$WORK/$name" >&2
        fi
    done
    exit 1
}

ok() {
    passed=$((passed + 1))
    echo "ok   $*"
}

# Runs the frozen program with no display and no Qt platform chosen for it, in a home of
# its own; stdout and stderr go to $WORK/out and $WORK/err, the exit status to $status.
run() {
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u PYTHONPATH -u PYTHONHOME \
        HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
        XDG_CACHE_HOME="$WORK/home/.cache" XDG_RUNTIME_DIR="$WORK/home" \
        "$BIN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    status=$?
}

expect_status() {  # expect_status CODE WHAT; a success also prints nothing on stderr (no Qt warnings)
    [ "$status" -eq "$1" ] || fail "$2: exit status $status, expected $1"
    if [ "$1" -eq 0 ] && [ -s "$WORK/err" ]; then fail "$2: succeeded but printed on stderr"; fi
}

no_traceback() {  # no_traceback WHAT
    if grep -q -e "Traceback" -e "Fatal Python error" "$WORK/out" "$WORK/err"; then
        fail "$1: a Python traceback reached the user"
    fi
}

starts_with() {  # starts_with FILE MAGIC WHAT
    [ -s "$1" ] || fail "$3: $1 was not written"
    head -c "${#2}" "$1" | grep -q -F -- "$2" || fail "$3: $1 does not start with '$2'"
}

cd "$WORK" || exit 1
echo "dist-check: $BIN (no display, HOME=$WORK/home)"

# What the folder holds.
[ -f "$APP/_internal/resources/sample.json" ] || fail "resources/sample.json is not in the bundle"
[ -f "$APP/_internal/dmuboard/store/migrations/env.py" ] || fail "the migration scripts are not in the bundle"
ls "$APP/_internal/dmuboard/store/migrations/versions/"*.py >/dev/null 2>&1 || fail "no migration versions in the bundle"
for unwanted in PyQt5 PyQt6 PySide2 numpy scipy pandas matplotlib tkinter; do
    [ ! -e "$APP/_internal/$unwanted" ] || fail "$unwanted is in the bundle"
done
for unwanted in Qml Quick WebEngineCore Multimedia 3DCore Pdf; do
    if ls "$APP/_internal/PySide6/Qt/lib/libQt6$unwanted.so"* >/dev/null 2>&1; then
        fail "libQt6$unwanted is in the bundle"
    fi
done
ok "bundle holds the resources and migrations, and no other Qt bindings or heavy packages"

run --version
expect_status 0 "--version"
grep -q -x "dmuboard $VERSION" "$WORK/out" || fail "--version printed '$(cat "$WORK/out")', expected 'dmuboard $VERSION'"
ok "--version prints 'dmuboard $VERSION'"

run demo "$WORK/demo.dmu"
expect_status 0 "demo"
starts_with "$WORK/demo.dmu" "SQLite format 3" "demo"
ok "demo writes a new .dmu (the shipped migrations create its schema)"

run check "$WORK/demo.dmu"
expect_status 0 "check"
grep -q "^ok" "$WORK/out" || fail "check did not print ok"
ok "check: $(head -n 1 "$WORK/out")"

run demo "$WORK/demo.json"
expect_status 0 "demo to .json"
run convert "$WORK/demo.json" "$WORK/from-json.dmu"
expect_status 0 "convert .json to .dmu"
run check "$WORK/from-json.dmu"
expect_status 0 "check of the converted board"
ok "demo to .json, convert to .dmu, check"

run analyze "$WORK/demo.dmu"
expect_status 0 "analyze"
no_traceback "analyze"
[ -s "$WORK/out" ] || fail "analyze printed nothing"
run analyze "$WORK/demo.dmu" --json
expect_status 0 "analyze --json"
head -c 1 "$WORK/out" | grep -q -e "{" -e "\[" || fail "analyze --json did not print JSON"
ok "analyze and analyze --json"

run export "$WORK/demo.dmu" "$WORK/board.pdf"
expect_status 0 "export to PDF"
starts_with "$WORK/board.pdf" "%PDF" "export to PDF"
run export "$WORK/demo.dmu" "$WORK/board.png"
expect_status 0 "export to PNG"
starts_with "$WORK/board.png" $'\x89PNG' "export to PNG"
run export "$WORK/demo.dmu" "$WORK/proposal.svg" --profile proposal
expect_status 0 "export to SVG"
grep -q "<svg" "$WORK/proposal.svg" || fail "export to SVG wrote no SVG"
ok "export to .pdf ($(wc -c <"$WORK/board.pdf") bytes), .png ($(wc -c <"$WORK/board.png") bytes) and .svg"
run export "$WORK/demo.dmu" "$WORK/board.pptx" --findings
expect_status 0 "export to PowerPoint"
starts_with "$WORK/board.pptx" "PK" "export to PowerPoint"
# The listing is read whole first: grep -q stopping early would end unzip with SIGPIPE under pipefail.
slides=$(unzip -l "$WORK/board.pptx" 2>/dev/null || true)
grep -q "ppt/slides/slide3.xml" <<<"$slides" || fail "export to PowerPoint wrote no slides"
ok "export to .pptx ($(wc -c <"$WORK/board.pptx") bytes)"

customers() {  # the number of customer people `check` reports for a board
    run check "$1"
    sed -n 's/.* \([0-9][0-9]*\) customer people.*/\1/p' "$WORK/out"
}
before=$(customers "$WORK/demo.dmu")
printf 'name,title\nAda Janssen,Head of Purchasing\n' >"$WORK/people.csv"
run import-csv "$WORK/demo.dmu" "$WORK/people.csv" --side customer
expect_status 0 "import-csv"
after=$(customers "$WORK/demo.dmu")
[ -n "$before" ] && [ "$after" = $((before + 1)) ] || fail "import-csv: $before customer people before, $after after"
ok "import-csv adds a person from a CSV file"

# A board made by the oldest schema version: opening it runs the shipped migrations
# whenever the program's schema is newer. The fixture itself is never written to.
[ -f "$FIXTURE" ] || fail "$FIXTURE is missing"
cp "$FIXTURE" "$WORK/schema-v1.dmu"
run check "$WORK/schema-v1.dmu"
expect_status 0 "check of the schema-v1 board"
grep -q "^ok" "$WORK/out" || fail "check of the schema-v1 board did not print ok"
run convert "$WORK/schema-v1.dmu" "$WORK/schema-v1.json"
expect_status 0 "convert of the schema-v1 board"
grep -q '"people"' "$WORK/schema-v1.json" || fail "the schema-v1 board converted to JSON has no people"
ok "a board of schema version 1 opens, checks and converts"

printf 'not a board\n' >"$WORK/garbage.dmu"
run check "$WORK/garbage.dmu"
expect_status 1 "check of a file that is not a board"
no_traceback "check of a file that is not a board"
[ "$(wc -l <"$WORK/err")" -le 2 ] || fail "check of a file that is not a board printed more than two lines"
ok "a file that is not a board: $(head -n 1 "$WORK/err")"

run
expect_status 1 "the GUI with no display"
no_traceback "the GUI with no display"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "the GUI with no display printed $(wc -l <"$WORK/err") lines, expected one"
ok "the GUI with no display says so and exits 1: $(cat "$WORK/err")"

echo "dist-check: all $passed checks passed"
