#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a Unix socket in a temporary folder (no TCP port to collide on).
#
#   eval "$(bash eng/postgres.sh start)"   # installs Debian's postgresql when missing, starts a cluster, and prints
#                                          # export COACHINGBOT_TEST_POSTGRES=...; export COACHINGBOT_TEST_POSTGRES_DIR=...
#   bash eng/postgres.sh stop              # stops the cluster named by COACHINGBOT_TEST_POSTGRES_DIR and removes it
#
# The tests create (and drop) their own databases on that server. PostgreSQL refuses to run as root, so the
# cluster runs as the postgres user when this script is run as root, and as the caller otherwise.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  if ! bin="$(find_bin)"; then
    echo "Installing Debian's postgresql package for the storage tests..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
    bin="$(find_bin)"
  fi

  local dir
  dir="$(mktemp -d /tmp/coachingbot-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A socket only: listen_addresses='' opens no TCP port. fsync off: the data is thrown away after the run.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }

  echo "export COACHINGBOT_TEST_POSTGRES='Host=$dir;Port=5432;Username=postgres'"
  echo "export COACHINGBOT_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${COACHINGBOT_TEST_POSTGRES_DIR:-}" bin
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin="$(find_bin)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
