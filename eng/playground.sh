#!/usr/bin/env bash
# Talk to CoachingBot in the Microsoft 365 Agents Playground (Microsoft's Teams emulator) from a browser.
#
#   eng/playground.sh                 bot on http://127.0.0.1:3978 (started unless something already answers there)
#   BOT_PORT=4000 eng/playground.sh   another port for the bot
#   PLAYGROUND_PORT=56150             the playground's port (if it is busy the playground takes another; the URL printed is the real one)
#
# Builds the bot when its output is older than the sources, writes the playground's config from the same template
# the e2e tests use (tests/e2e/support/m365agentsplayground.template.yml, fresh chat ids each run, so the bot greets
# every session), prints the URL to open, and stops what it started on Ctrl+C. Needs the .NET 10 SDK and Node.js 20+.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e="$repo/tests/e2e"
bot_port="${BOT_PORT:-3978}"
playground_port="${PLAYGROUND_PORT:-56150}"
bot_url="http://127.0.0.1:${bot_port}"
logs="$e2e/artifacts/logs"
work="$(mktemp -d "${TMPDIR:-/tmp}/coachingbot-playground.XXXXXX")"
bot_pid=""
playground_pid=""

stop() {
  trap - EXIT INT TERM
  for pid in "$playground_pid" "$bot_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for pid in "$playground_pid" "$bot_pid"; do
    if [ -n "$pid" ]; then
      # Give each a few seconds to shut down cleanly, then make sure.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap stop EXIT
trap 'echo; echo "Stopping."; exit 0' INT TERM

# Waits until the file has a line matching the pattern, or the process is gone, or the time is up; prints the match.
wait_for_line() {
  local file="$1" pattern="$2" pid="$3" seconds="$4" match
  for _ in $(seq 1 $((seconds * 10))); do
    if match="$(grep -m1 -oE "$pattern" "$file" 2>/dev/null)"; then
      echo "$match"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

answers() {
  curl -s -o /dev/null --max-time 2 "$1" 2>/dev/null
}

if [ ! -x "$e2e/node_modules/.bin/agentsplayground" ]; then
  echo "Installing the e2e tools (npm ci in tests/e2e)..."
  (cd "$e2e" && npm ci --no-audit --no-fund >/dev/null)
fi

mkdir -p "$logs"
if answers "$bot_url/"; then
  echo "Something already answers on $bot_url; using it as the bot."
else
  echo "Building the bot if its output is older than the sources..."
  node --input-type=module -e "const { ensureBotBuilt } = await import(process.argv[1]); await ensureBotBuilt();" "$e2e/support/build.mjs"
  bot_log="$logs/playground-sh-bot.log"
  (cd "$repo/src/CoachingBot/bin/Debug/net10.0" &&
    exec dotnet CoachingBot.dll --urls "$bot_url" --Storage:DataFolder "$repo/src/CoachingBot/data") >"$bot_log" 2>&1 &
  bot_pid=$!
  if ! wait_for_line "$bot_log" "Now listening on: http://[^ ]+" "$bot_pid" 60 >/dev/null; then
    echo "The bot did not start; the end of $bot_log:" >&2
    tail -n 30 "$bot_log" >&2
    exit 1
  fi
  echo "Bot listening on $bot_url (log: $bot_log)"
fi

node "$e2e/support/playground-config.mjs" "$work" >/dev/null
playground_log="$logs/playground-sh-playground.log"
(cd "$work" &&
  TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
    exec "$e2e/node_modules/.bin/agentsplayground" start \
      -e "$bot_url/api/messages" -c msteams -p "$playground_port" --disable-telemetry) >"$playground_log" 2>&1 &
playground_pid=$!
if ! line="$(wait_for_line "$playground_log" "Listening on [0-9]+" "$playground_pid" 30)"; then
  echo "The playground did not start; its output and log:" >&2
  tail -n 30 "$playground_log" "$work/devTools/m365agentsplayground.log" >&2 2>/dev/null || true
  exit 1
fi

echo
echo "Open http://127.0.0.1:${line##* } in a browser and type help (or grow). Ctrl+C stops everything this script started."
echo "Playground log: $playground_log"
wait "$playground_pid"
