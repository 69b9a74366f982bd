#!/usr/bin/env bash
# A private PostgreSQL 15 cluster on 127.0.0.1, owned by the postgres OS user (initdb refuses root).
# Usage: scripts/pg.sh start DIR PORT [fast]   — creates the cluster if needed, starts it, prints nothing on success
#        scripts/pg.sh stop DIR
# By default the cluster keeps PostgreSQL's durability (fsync, full-page writes, synchronous commit): run.sh's
# cluster holds what the portal was given. "fast" turns them off, for throwaway test clusters only.
# GD_PG_PWFILE=FILE: a new cluster gets scram-sha-256 authentication with the superuser password in FILE;
# without it a new cluster trusts local connections (test clusters).
set -euo pipefail
cmd=$1; dir=$(realpath -m "$2"); bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=$3; mode=${4:-durable}
    "$(dirname "$0")/deps.sh" postgres
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      # A parent directory may not be traversable by postgres (e.g. /root); fall back is to pick another DIR.
      if [ -n "${GD_PG_PWFILE:-}" ]; then
        # initdb runs as postgres and must read the password; hand it a private copy it owns.
        pw=$(mktemp /tmp/gd-pg-pw.XXXXXX); cat "$GD_PG_PWFILE" >"$pw"
        [ "$(id -u)" -eq 0 ] && chown postgres "$pw"
        as_pg "$bin/initdb" -D "$dir" -U postgres -A scram-sha-256 --pwfile="$pw" -E UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pw"
      else
        as_pg "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      fi
    fi
    opts="-h 127.0.0.1 -p $port -k $dir -c max_connections=200"
    [ "$mode" = fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null
    fi ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true ;;
  *) echo "usage: pg.sh start DIR PORT [fast] | stop DIR" >&2; exit 2 ;;
esac
