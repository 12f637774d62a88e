#!/usr/bin/env bash
# The whole check, in order: typecheck, build + zip both browsers, unit tests, real-browser
# end-to-end tests, Mozilla's addons-linter, the Chrome package check, the benchmark budgets. One line per step; the full output of each step is in
# .tmp/test-logs/<step>.log (its tail is printed when it fails). Exits 1 if any step failed.
# First installs what the browser steps need when it is missing (Debian chromium, firefox-esr, openssl;
# scripts/system-packages.sh), or stops with one line saying how. Policy e2e tests need root: as
# another user they fail, with a line saying so (nothing here passes by skipping).
# Usage: npm test   (or: bash tests/run-all.sh)
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh || exit 1
echo "using node $(node --version), $(${CHROMIUM_BIN:-chromium} --version 2>/dev/null | tail -n 1), $(${FIREFOX_BIN:-firefox-esr} --version 2>/dev/null)"

LOGS=.tmp/test-logs
mkdir -p "$LOGS"
failed=()
started_all=$(date +%s%N)

# step <name> <command...>: runs the command, logs it, prints "name  ok|FAIL  seconds".
step() {
  local name=$1; shift
  local t0 rc
  t0=$(date +%s%N)
  "$@" >"$LOGS/$name.log" 2>&1
  rc=$?
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [ "$rc" -eq 0 ]; then
    printf '%-16s ok    %4d.%01ds\n' "$name" $((ms / 1000)) $((ms % 1000 / 100))
  else
    printf '%-16s FAIL  %4d.%01ds  (rc=%d, log: %s)\n' "$name" $((ms / 1000)) $((ms % 1000 / 100)) "$rc" "$LOGS/$name.log"
    tail -n 40 "$LOGS/$name.log" | sed 's/^/    | /'
    failed+=("$name")
  fi
}

firefox_zip() { ls -t .output/*-firefox.zip 2>/dev/null | head -n 1; }
lint_firefox() {
  local zip; zip=$(firefox_zip)
  [ -n "$zip" ] || { echo "no .output/*-firefox.zip (did zip-firefox fail?)"; return 1; }
  npx addons-linter --output text "$zip"   # exits non-zero on errors; warnings are reported only
}

step typecheck    npx tsc --noEmit -p .
step zip-chrome   npx wxt zip               # builds .output/chrome-mv3, then zips it
step zip-firefox  npx wxt zip -b firefox    # builds .output/firefox-mv2, then zips it (+ sources zip)
step unit         npx vitest run
step e2e          npx vitest run -c vitest.e2e.config.ts
step addons-lint  lint_firefox
step chrome-check npx jiti scripts/check-chrome-package.ts .output/chrome-mv3   # the Chrome package's manifest and files
step org-check   npx jiti scripts/check-chrome-package.ts .output/chrome-mv3-org ighfapiekfkmdcalbpkbpgcfjjjdfjbk   # the organisation package (built by the e2e setup)

# ---- HOOK: later steps go here (e.g. the benchmark budget check), as: step <name> <command> ----
# Budgets (README "Performance"), on the build zip-chrome made.
# Timings on a shared 2-core machine vary between runs: a timing budget fails the step only when
# three separate measurements all miss it. Budgets that do not vary (bundle size, no script injected)
# make the bench exit 3: that fails at once; so does any other error (exit 2).
bench_check() {
  local log=.tmp/test-logs/bench-run.log attempt rc jsons=()
  for attempt in 1 2 3; do
    # CI measures the budgeted Chromium figures (7 loads each, the issue's minimum); the profiler cross-check
    # and the Firefox figures are for `npm run bench` by hand.
    jsons+=(".tmp/test-logs/bench-$attempt.json")
    npm run bench -- --check --no-build --runs 7 --mutating-runs 7 --profile-runs 0 --no-firefox --json "${jsons[-1]}" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] && return 0
    [ "$rc" -ne 1 ] && return "$rc"
    # A timing budget fails only when every measurement so far missed that same budget.
    npx jiti tests/bench/budget-misses.ts "${jsons[@]}" || { [ "$attempt" -lt 3 ] && echo "[bench] a timing budget was missed (measurement $attempt of 3); measuring again" && continue; return 1; }
    echo "[bench] every timing budget was met in at least one of $attempt measurements"
    return 0
  done
  return 1
}
step bench       bench_check

# Test counts from the Vitest summaries ("Tests  N passed | M failed | K skipped (T)"), as one closing line.
count() { sed 's/\x1b\[[0-9;]*m//g' "$LOGS"/unit.log "$LOGS"/e2e.log 2>/dev/null | grep -E '^ +Tests ' | grep -oE "[0-9]+ $1" | awk '{n += $1} END {print n + 0}'; }
total_ms=$(( ($(date +%s%N) - started_all) / 1000000 ))
echo "tests: $(count passed) passed, $(count failed) failed, $(count skipped) skipped"
if [ ${#failed[@]} -eq 0 ]; then
  printf 'all steps passed in %d.%01ds\n' $((total_ms / 1000)) $((total_ms % 1000 / 100))
else
  printf 'FAILED: %s (total %d.%01ds)\n' "${failed[*]}" $((total_ms / 1000)) $((total_ms % 1000 / 100))
  exit 1
fi
