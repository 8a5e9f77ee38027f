#!/usr/bin/env bash
# The turn benchmark, in one command (bench/README.md says what it measures and how to read it):
#
#   bash bench/run.sh [--name NAME] [generator options]
#
# Builds CoachingBot (Release) and the load generator, installs the peer's npm packages from its lock file, starts a
# throwaway PostgreSQL cluster (eng/postgres.sh) unless COACHINGBOT_TEST_POSTGRES is set, and runs every scenario for
# CoachingBot on SQLite and on PostgreSQL and for the JavaScript SDK peer. Writes bench/results/NAME/results.md and
# results.jsonl (NAME defaults to the UTC date and time). Options for a quick run, passed to the generator:
#   --duration S --warmup S --conversations N --timeout S
#   --modes closed:10,closed:100,open:100,open:200,open:400,open:800
#   --providers sqlite,postgresql   --bots coachingbot,peer   --scenarios grow,help
#   --note TEXT (printed under the table, e.g. how busy the machine was)   --no-pin
set -euo pipefail
cd "$(dirname "$0")/.."

name="$(date -u +%Y%m%d-%H%M%S)"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --out) echo "Use --name; results go to bench/results/NAME." >&2; exit 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

option() { # the value given for generator option $1, or $2
  local i
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "$1" ] && [ $((i + 1)) -lt ${#args[@]} ]; then echo "${args[$((i + 1))]}"; return; fi
  done
  echo "$2"
}
bots="$(option --bots coachingbot,peer)"
providers="$(option --providers sqlite,postgresql)"

echo "Building CoachingBot and the load generator (Release)..."
dotnet build src/CoachingBot -c Release -nologo -v quiet </dev/null
dotnet build bench/CoachingBot.Load -c Release -nologo -v quiet </dev/null

if [[ ",$bots," == *",peer,"* ]]; then
  if [ ! -f bench/peer/node_modules/.package-lock.json ] || [ bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then
    echo "Installing the peer's packages from bench/peer/package-lock.json..."
    npm ci --prefix bench/peer --ignore-scripts --no-audit --no-fund </dev/null
  fi
fi

if [[ ",$providers," == *",postgresql,"* ]] && [ -z "${COACHINGBOT_TEST_POSTGRES:-}" ]; then
  echo "Starting a throwaway PostgreSQL cluster (eng/postgres.sh)..."
  eval "$(bash eng/postgres.sh start)"
  trap 'bash eng/postgres.sh stop' EXIT
fi

out="bench/results/$name"
mkdir -p "$out"
dotnet bench/CoachingBot.Load/bin/Release/net10.0/CoachingBot.Load.dll run \
  --bot-app src/CoachingBot/bin/Release/net10.0 --peer bench/peer --out "$out" "${args[@]}" </dev/null
echo "Table: $out/results.md"
