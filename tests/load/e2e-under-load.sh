#!/usr/bin/env bash
# Proof that the end-to-end suite does not flake on a busy machine: runs the WHOLE e2e suite
# RUNS times in a row (default 3) while tests/load/browser-load.ts keeps a second Chromium loading
# 1.5 MB pages in a loop beside it (TABS tabs, default 2: on 2 cores that keeps both busy).
# Stops at the first failing run. Logs: .tmp/load/e2e-run-<n>.log and .tmp/load/browser-load.log.
#
# Usage (as root, from the project root; nothing else using the browsers' lock):
#   flock /tmp/kban-e2e.lock bash tests/load/e2e-under-load.sh [RUNS] [TABS]
# The e2e runs themselves do not take the lock (this script holds it for them, if run as above).
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
TABS=${2:-2}
LOGS=.tmp/load
mkdir -p "$LOGS"

# Its own process group (setsid), so stopping it stops npx, node and the Chromium it drives: killing npx
# alone left node and its browser loading pages after the script ended, loading the next run twice over.
setsid npx jiti tests/load/browser-load.ts --tabs "$TABS" >"$LOGS/browser-load.log" 2>&1 &
load_pid=$!
stop_load() { kill -TERM -- "-$load_pid" 2>/dev/null; wait "$load_pid" 2>/dev/null; }
trap stop_load EXIT
sleep 5
kill -0 "$load_pid" 2>/dev/null || { echo "the load generator did not start:"; cat "$LOGS/browser-load.log"; exit 1; }
echo "load: $(head -n 1 "$LOGS/browser-load.log") (pid $load_pid)"

passed=0
for run in $(seq 1 "$RUNS"); do
  started=$(date +%s)
  npx vitest run -c vitest.e2e.config.ts >"$LOGS/e2e-run-$run.log" 2>&1
  rc=$?
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/e2e-run-$run.log" | grep -E '^ +(Test Files|Tests) ' | tr -s ' ' | paste -sd ';')
  echo "run $run/$RUNS: rc=$rc in $(( $(date +%s) - started )) s; $summary; load avg $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$rc" -ne 0 ]; then
    sed 's/\x1b\[[0-9;]*m//g' "$LOGS/e2e-run-$run.log" | grep -E 'FAIL|✗|×' | head -n 20
    echo "FAILED on run $run (log: $LOGS/e2e-run-$run.log)"
    exit 1
  fi
  passed=$((passed + 1))
done
stop_load
trap - EXIT
echo "load: $(tail -n 1 "$LOGS/browser-load.log")"
echo "all $passed runs passed under load"
