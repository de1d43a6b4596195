#!/bin/sh
# Instructions per decoded message for TWSWire at a commit (default: the working tree), with
# valgrind's callgrind. Usage: Benchmarks/callgrind/decode-callgrind.sh [COMMIT] [MESSAGES]
# Builds TWSWire alone (swiftc -O -wmo; with Vocabulary before it when TWSWire imports it, so the
# cross-module cost of FixedDecimal is measured as shipped) and DecodeHarness.swift, then runs the harness twice,
# with MESSAGES and with none, and divides the difference in instructions (so stream generation
# and start-up cancel out only partly: generation grows with MESSAGES; see the printed split).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
commit=${1:-}
messages=${2:-200000}
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
if [ -n "$commit" ]; then
    git -C "$root" archive "$commit" Sources/TWSWire Sources/Vocabulary | tar -x -C "$work"
    src="$work/Sources/TWSWire"
    vocabulary="$work/Sources/Vocabulary"
else
    src="$root/Sources/TWSWire"
    vocabulary="$root/Sources/Vocabulary"
fi
flags=""
if grep -rq "func nextServerMessage" "$src"; then flags="-D NEXT_SERVER_MESSAGE"; fi
if grep -rq "struct Quantity" "$src"; then flags="$flags -D WIRE_QUANTITY"; fi
mkdir -p "$work/mod"
objects="$work/TWSWire.o"
if grep -rq "^import Vocabulary" "$src"; then
    swiftc -O -wmo -parse-as-library -module-name Vocabulary -emit-module -emit-module-path "$work/mod/Vocabulary.swiftmodule" \
        -emit-object -o "$work/Vocabulary.o" $(find "$vocabulary" -name '*.swift')
    objects="$objects $work/Vocabulary.o"
fi
swiftc -O -wmo -parse-as-library -I "$work/mod" -module-name TWSWire -emit-module -emit-module-path "$work/mod/TWSWire.swiftmodule" \
    -emit-object -o "$work/TWSWire.o" $(find "$src" -name '*.swift')
swiftc -O -parse-as-library $flags -I "$work/mod" "$here/DecodeHarness.swift" $objects -lm -o "$work/harness"
count() {
    valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$work/cg.$1" "$work/harness" "$1" >/dev/null 2>"$work/log.$1"
    grep -o 'Collected : [0-9]*' "$work/log.$1" | grep -o '[0-9]*$'
}
decodeOnly() {
    callgrind_annotate --inclusive=yes "$work/cg.$1" 2>/dev/null | grep 'DecodeHarness.*decodeAll' | head -1 | awk '{gsub(",","",$1); print $1}'
}
total=$(count "$messages")
inclusive=$(decodeOnly "$messages")
echo "commit: ${commit:-working tree}"
echo "decode-loop instructions: $inclusive instructions ($messages messages)"
echo "decode instructions per message: $((inclusive / messages)) instructions/msg"
echo "whole run: $total instructions"
