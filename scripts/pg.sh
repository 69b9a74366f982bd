#!/usr/bin/env bash
# A private PostgreSQL 15 cluster on 127.0.0.1, owned by the postgres OS user (initdb refuses root).
# Usage: scripts/pg.sh start DIR PORT   — creates the cluster if needed, starts it, prints nothing on success
#        scripts/pg.sh stop DIR
set -euo pipefail
cmd=$1; dir=$(realpath -m "$2"); bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=$3
    "$(dirname "$0")/deps.sh" postgres
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      # A parent directory may not be traversable by postgres (e.g. /root); fall back is to pick another DIR.
      as_pg "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    fi ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true ;;
  *) echo "usage: pg.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
