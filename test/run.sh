#!/usr/bin/env bash
# make test: build, install, start a throwaway cluster (as postgres, on a free
# port, under a temporary directory), run the pg_regress suite and every
# test/t/*.sh against it, stop the cluster (also on failure), and end with
# "N passed, N failed". Exits non-zero on any failure.
# While developing, a subset: NG_REGRESS="install summary" (pg_regress tests,
# "none" for none) and NG_T="upgrade sharding" (test/t scripts, "none" for none).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$NG_ROOT"

pass=0; fail=0; failed=()
ok()  { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); failed+=("$1"); echo "FAIL $1"; }

if ! ng_build_install; then
  echo "build or install failed"
  echo "0 passed, 1 failed"; exit 1
fi

TMP=$(mktemp -d /tmp/neongraph-test.XXXXXX)
chmod 755 "$TMP"
cleanup() { ng_stop_cluster "$TMP"; [ "${NG_KEEP:-}" ] || rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! ng_start_cluster "$TMP" "max_worker_processes=16" "max_parallel_workers=8"; then
  echo "cluster did not start"; echo "0 passed, 1 failed"; exit 1
fi
echo "cluster: $PGHOST port $PGPORT"

# pg_regress (installcheck against the running cluster)
rm -rf results regression.diffs regression.out
regress_set=()
[ -n "${NG_REGRESS:-}" ] && regress_set=(REGRESS="${NG_REGRESS/none/}")
make -s installcheck "${regress_set[@]}" PG_CONFIG="$PG_CONFIG" PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER=postgres \
  > "$TMP/regress.log" 2>&1
# every test named in REGRESS must report ok; one that never reported failed
declare -A seen=()
while IFS= read -r line; do
  # PG 15: "test name ... ok   12 ms"; PG 16+: "ok 1 - name   12 ms"
  if [[ $line =~ ^(test[[:space:]]+)?([a-z0-9_]+)[[:space:]]+\.\.\.[[:space:]]+(ok|FAILED|failed) ]]; then
    seen[${BASH_REMATCH[2]}]=${BASH_REMATCH[3]}
  elif [[ $line =~ ^(not\ ok|ok)[[:space:]]+[0-9]+[[:space:]]+-[[:space:]]+([a-z0-9_]+) ]]; then
    seen[${BASH_REMATCH[2]}]=${BASH_REMATCH[1]}
  fi
done < "$TMP/regress.log"
for name in $(make -s print-regress "${regress_set[@]}"); do
  if [ "${seen[$name]:-}" = ok ]; then ok "regress/$name"; else bad "regress/$name"; fi
done
[ ${#seen[@]} -gt 0 ] || tail -20 "$TMP/regress.log"
[ -f regression.diffs ] && { echo "---- regression.diffs (head)"; head -150 regression.diffs; }

# tests that need more than pg_regress: each test/t/*.sh, exit 0 = pass
for t in test/t/*.sh; do
  [ -e "$t" ] || continue
  name=${t#test/t/}; name=${name%.sh}
  [ -n "${NG_T:-}" ] && [[ " $NG_T " != *" $name "* ]] && continue
  if NG_TMP="$TMP" timeout "${NG_TEST_TIMEOUT:-900}" bash "$t" > "$TMP/$name.log" 2>&1; then
    ok "t/$name"; tail -n 3 "$TMP/$name.log" | sed 's/^/     /'
  else
    bad "t/$name"; tail -n 40 "$TMP/$name.log" | sed 's/^/     /'
  fi
done

# the server must have survived everything
if ! "$PGBIN/psql" -XAtqc 'SELECT 1' postgres >/dev/null 2>&1; then bad "server alive at end"; fi
if grep -qE 'terminated by signal|server process .* was terminated' "$TMP/server.log"; then
  grep -E 'terminated by signal' "$TMP/server.log" | head; bad "no backend crash"
fi

[ ${#failed[@]} -gt 0 ] && printf 'failed: %s\n' "${failed[*]}"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
