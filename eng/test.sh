#!/usr/bin/env bash
# Every test of the project, in one command:
#   1. the .NET suites (unit, conversation, HTTP, restart, storage, deployment templates, card dumps, the benchmark
#      harness's short run against CoachingBot and the JavaScript peer in bench/peer; the durability
#      tests' figures, messages accepted, answered and repeated, are printed after them);
#   2. the Node suites in tests/e2e (the Teams app package, every card checked with Microsoft's adaptivecards
#      library, and the bot in the Microsoft 365 Agents Playground, by API and in headless Chromium).
# Ends with one line of its own: "N passed, N failed, N skipped", summed over both.
# Needs: the .NET 10 SDK, Node.js 20+, and Debian's chromium for the browser tests (.ci/run installs it).
set -uo pipefail
cd "$(dirname "$0")/.."

dotnet_log="$(mktemp)"
node_log="$(mktemp)"
fuzz_summary="$(mktemp)"
trap 'rm -f "$dotnet_log" "$node_log" "$fuzz_summary"' EXIT

# The door fuzz suite (DoorFuzzTests) writes its seed and counts by status here; dotnet test's console hides test output.
export COACHINGBOT_FUZZ_SUMMARY="$fuzz_summary"

status=0

# npm packages come from the lock file, and only when the lock changed since the last install.
if [ ! -f tests/e2e/node_modules/.package-lock.json ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund </dev/null || status=1
fi
# The benchmark's JavaScript peer (bench/peer), for the harness check in CoachingBot.Bench.Tests; its packages run no
# install scripts (bench/peer/.npmrc says why).
if [ ! -f bench/peer/node_modules/.package-lock.json ] || [ bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then
  npm ci --prefix bench/peer --ignore-scripts --no-audit --no-fund </dev/null || status=1
fi

# The durability tests (crash, two instances, graceful stop) write their figures here; last run's are removed first.
durability_figures=(tests/CoachingBot.Tests/bin/*/net10.0/durability)
rm -rf "${durability_figures[@]}"

dotnet test CoachingBot.sln </dev/null 2>&1 | tee "$dotnet_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
if [ -s "$fuzz_summary" ]; then
  cat "$fuzz_summary"
fi

for figures in tests/CoachingBot.Tests/bin/*/net10.0/durability/*.txt; do
  [ -f "$figures" ] && cat "$figures"
done

(cd tests/e2e && node --test --test-reporter=tap *.test.mjs) </dev/null 2>&1 | tee "$node_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

passed=0 failed=0 skipped=0
while read -r f p s; do
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(sed -nE 's/^.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+), Total: .*$/\2 \3 \4/p' "$dotnet_log")

node_count() { local n; n="$(sed -nE "s/^# $1 ([0-9]+)$/\1/p" "$node_log" | tail -n 1)"; echo "${n:-0}"; }
passed=$((passed + $(node_count pass)))
failed=$((failed + $(node_count fail) + $(node_count cancelled)))
skipped=$((skipped + $(node_count skipped) + $(node_count todo)))

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build, install or runner failure before any count was printed: a failure, never a pass.
  failed=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
