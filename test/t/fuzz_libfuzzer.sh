#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer + AddressSanitizer + UndefinedBehavior-
# Sanitizer) of the deadline parser/formatter/extractor and the docref parser,
# compiled outside the server (test/fuzz/build.sh; targets test/fuzz/fuzz_*.c).
# Each target starts from its seed corpus (test/fuzz/corpus/*, taken from the
# seeds' deadline forms and document numbers) and runs for its share of
# NG_FUZZ_SECONDS (default 30 in all). Fails on any crash, failed round-trip
# check, sanitizer report, leak or timeout. New inputs go to a temporary
# directory; the corpus in the repository is not changed.
#   NG_FUZZ_SECONDS=600 bash test/t/fuzz_libfuzzer.sh     # a long run
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${NG_FUZZ_SECONDS:-30}
TARGETS=(deadline docref)
PER=$(( SECS / ${#TARGETS[@]} )); [ "$PER" -ge 1 ] || PER=1
WORK=$(mktemp -d /tmp/neongraph-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

bash "$ROOT/test/fuzz/build.sh" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; echo "fuzz: build failed"; exit 1; }

fail=0; total_execs=0; summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "$WORK/$t"
  log="$WORK/$t.log"
  "$ROOT/test/fuzz/build/fuzz_$t" -max_total_time="$PER" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$WORK/$t-" "$WORK/$t" "$ROOT/test/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE '(DONE|pulse|NEW|REDUCE|INITED) +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  corpus=$(grep -oE 'corp: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ $rc -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|deadly signal|check failed' "$log"; then
    fail=1
    echo "FAIL fuzz_$t (exit $rc)"
    grep -E 'ERROR|runtime error|check failed|SUMMARY|artifact' "$log" | head -20
    for a in "$WORK/$t"-*; do [ -e "$a" ] && { echo "input ($a):"; od -c "$a" | head -5; }; done
  fi
  total_execs=$(( total_execs + ${execs:-0} ))
  summary+=("$t: ${execs:-0} execs, cov ${cov:-?}, corpus ${corpus:-?}")
  echo "fuzz_$t: ${PER}s, ${execs:-0} executions, cov: ${cov:-?}, corpus: ${corpus:-?} inputs"
done
echo "libFuzzer+ASan+UBSan: ${SECS}s, ${total_execs} executions; $(IFS=';'; echo "${summary[*]}"); $([ $fail -eq 0 ] && echo 'no crash' || echo 'CRASH')"
exit $fail
