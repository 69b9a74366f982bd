#!/usr/bin/env bash
# Archive import benchmark (docs/benchmarks.md, "gd import of an archive"): AGENCIES agencies × four past years
# (2019 and 2022 as interchange JSON, 2020 as the .docx fixture, 2021 as the LibreOffice PDF fixture, every file
# distinct by its bytes) imported and published by `gd import --agency-map … --publish` into a fresh database.
# Prints the load average before and after, gd's wall and CPU time (user + sys, all its threads) and what landed.
# Environment: AGENCIES (default 250, i.e. 1,000 reports), GD_PG_PORT (default 55492), PGDIR (cluster directory;
#              a cluster already running there is used and left running), BIN_DIR (a tree already built in Release,
#              e.g. a `git archive` of the commit to compare with: its gd and benchmark binaries are used, nothing is built),
#              TRACE (a .nettrace path: gd runs under `dotnet-trace collect --profile dotnet-sampled-thread-time`, for
#              where its CPU goes; the timings then carry the tracer's overhead).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
agencies=${AGENCIES:-250}
pg_port=${GD_PG_PORT:-55492}
pgdir=${PGDIR:-"/tmp/gd-bench-import-$(printf '%s' "$root" | sha1sum | cut -c1-12)/pg"}
work=$(mktemp -d /tmp/gd-bench-import.XXXXXX)
chmod 755 "$work"

# A cluster already running in PGDIR (a session's own) is used and left running; one started here is stopped.
started=yes
[ -f "$pgdir/postmaster.pid" ] && started=""
mkdir -p "$(dirname "$pgdir")"
scripts/pg.sh start "$pgdir" "$pg_port"
cleanup() {
  rm -rf "$work"
  [ -n "$started" ] && scripts/pg.sh stop "$pgdir"
  return 0
}
trap cleanup EXIT

psql() { /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS gd_bench_import WITH (FORCE)" -c "CREATE DATABASE gd_bench_import"
export GD_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=gd_bench_import"

bin_dir=${BIN_DIR:-$root}
if [ -z "${BIN_DIR:-}" ]; then
  dotnet build src/GovDisclosure.Cli -c Release -nologo -v q >/dev/null
  dotnet build tests/GovDisclosure.Benchmarks -c Release -nologo -v q >/dev/null
fi
gd_dll=$bin_dir/src/GovDisclosure.Cli/bin/Release/net10.0/gd.dll
gd() { dotnet "$gd_dll" "$@"; }
gd db migrate >/dev/null

mapfile -t paths < <(dotnet "$bin_dir/tests/GovDisclosure.Benchmarks/bin/Release/net10.0/GovDisclosure.Benchmarks.dll" archive --agencies "$agencies" --out "$work")
gd agency import "${paths[0]}" >/dev/null
files=$(find "${paths[2]}" -type f | wc -l)
echo "archive: $files files ($(find "${paths[2]}" -name '*.pdf' | wc -l) PDF, $(find "${paths[2]}" -name '*.docx' | wc -l) .docx, $(find "${paths[2]}" -name '*.json' | wc -l) JSON), $(du -sh "${paths[2]}" | cut -f1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
tracer=()
[ -n "${TRACE:-}" ] && tracer=("${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect --profile dotnet-sampled-thread-time -o "$TRACE" --)
/usr/bin/time -f "gd import --publish: %e s wall, %U s user + %S s sys CPU (gd's threads), %M KiB max RSS" \
  "${tracer[@]}" dotnet "$gd_dll" import "${paths[2]}" --agency-map "${paths[1]}" --publish --report "$work/result.csv" >"$work/out.txt" || {
  tail -5 "$work/out.txt"; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -1 "$work/out.txt"
psql -d gd_bench_import -t -A -F ' ' -c "SELECT 'publications:', count(*), 'of which imported history:', count(*) FILTER (WHERE \"Origin\" = 'ImportedHistory') FROM publications"
