#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined)
# from src/*_core.c, which need no PostgreSQL, into test/fuzz/build/.
#   bash test/fuzz/build.sh            # prints the built binaries
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/test/fuzz/build
CC=${FUZZ_CC:-$(command -v clang || command -v clang-14 || true)}
[ -n "$CC" ] || { echo "clang not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
mkdir -p "$OUT"
FLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Wall -Wextra -Werror -I$ROOT/src"
$CC $FLAGS "$ROOT/src/deadline_core.c" "$ROOT/test/fuzz/fuzz_deadline.c" -o "$OUT/fuzz_deadline"
$CC $FLAGS "$ROOT/src/docref_core.c" "$ROOT/test/fuzz/fuzz_docref.c" -o "$OUT/fuzz_docref"
echo "$OUT/fuzz_deadline $OUT/fuzz_docref"
