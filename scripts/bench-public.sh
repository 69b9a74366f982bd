#!/usr/bin/env bash
# Public-site benchmark, issue 14 (docs/benchmarks.md, "Issue 14"). A private PostgreSQL; every publication made by
# the publication code (GovDisclosure.Benchmarks public-seed: started, filled, submitted, approved, published with its
# read model and rollup, in batches), then, side by side in this one run on the same data:
#   1. an uncached random report page out of 10,000 at 64 connections (wrk), BEFORE (the page path of BEFORE_REF,
#      built from `git archive`) and AFTER (this tree): every request carries its own query string, so no request is
#      answered by the output cache; AFTER also runs with PublicSite:OutputCache=false (BEFORE does not know the
#      setting, so it still stores each miss);
#   2. start-up to the first answered report page, and the web process's memory, at 10,000 publications;
#   3. the region summary over 20,000 reports right after a restart (10,000 more published under the same province);
#   4. start-up and memory at BIG publications (default 100,000; BIG=0 skips it);
#   5. the publication surge: SURGE approved reports published through the real use case (PDFsharp included) by
#      CLIENTS concurrent clients, in a database of its own.
# The load average is printed beside every figure: the machine is shared.
# Environment: PORT (5091), GD_PG_PORT (55491), DURATION (20s), BEFORE_REF (1ee0660), BIG (100000), SURGE (2000), CLIENTS (8);
# KEEP=1 reuses the publications of an earlier run, SEED_ONLY=1 only seeds (SEED_MORE=1: the second 10,000 too);
# MORE=0 skips the second 10,000 (the summary is then over the first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-5091}
pg_port=${GD_PG_PORT:-55491}
duration=${DURATION:-20s}
before_ref=${BEFORE_REF:-1ee0660}
big=${BIG:-100000}
surge=${SURGE:-2000}
clients=${CLIENTS:-8}
base_url="http://127.0.0.1:$port"
fixture=$root/tests/GovDisclosure.Infrastructure.Tests/Fixtures/sample-003-xinhua-2021.json
load() { echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; }

scripts/deps.sh postgres fonts wrk

work="/tmp/gd-bench-public-$(printf '%s' "$root" | sha1sum | cut -c1-12)"
pgdir="$work/pg"
mkdir -p "$work" && chmod 755 "$work"
scripts/pg.sh start "$pgdir" "$pg_port"
web_pid=""
stop_web() { if [ -n "$web_pid" ]; then kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; web_pid=""; fi; }
cleanup() { stop_web; scripts/pg.sh stop "$pgdir"; }
trap cleanup EXIT

psql() { /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
cs() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1;Maximum Pool Size=100"; }
# KEEP=1 keeps the publications seeded by an earlier run (seeding is the slow part; SEED_ONLY=1 does only that).
if [ "${KEEP:-0}" != 1 ] || [ -z "$(psql -d postgres -At -c "SELECT 1 FROM pg_database WHERE datname = 'gd_bench_public'")" ]; then
  psql -d postgres -c "DROP DATABASE IF EXISTS gd_bench_public" -c "CREATE DATABASE gd_bench_public"
fi
psql -d postgres -c "DROP DATABASE IF EXISTS gd_bench_surge" -c "CREATE DATABASE gd_bench_surge"
export GD_CONNECTION
GD_CONNECTION=$(cs gd_bench_public)

echo "== building (after: this tree; before: $before_ref)" >&2
dotnet build src/GovDisclosure.Cli -c Release -nologo -v q >/dev/null
dotnet build src/GovDisclosure.Web -c Release -nologo -v q >/dev/null
dotnet build tests/GovDisclosure.Benchmarks -c Release -nologo -v q >/dev/null
before_dir="$work/before-$before_ref"
if [ ! -f "$before_dir/src/GovDisclosure.Web/bin/Release/net10.0/GovDisclosure.Web.dll" ]; then
  rm -rf "$before_dir" && mkdir -p "$before_dir"
  git archive "$before_ref" | tar -x -C "$before_dir"
  dotnet build "$before_dir/src/GovDisclosure.Web" -c Release -nologo -v q >/dev/null
fi
gd() { dotnet src/GovDisclosure.Cli/bin/Release/net10.0/gd.dll "$@"; }
bench() { dotnet tests/GovDisclosure.Benchmarks/bin/Release/net10.0/GovDisclosure.Benchmarks.dll "$@"; }
gd db migrate >/dev/null
GD_CONNECTION=$(cs gd_bench_surge) gd db migrate >/dev/null

seed() { # prefix regions reports [under]
  if [ -n "$(psql -d gd_bench_public -At -c "SELECT 1 FROM agencies WHERE \"Code\" = '$1'")" ]; then
    echo "== $1 already seeded: $(psql -d gd_bench_public -At -c 'SELECT count(*) FROM publications') publications in the database" >&2
    return
  fi
  echo "== seeding $3 publications ($1, $2 regions${4:+, under $4}); $(load)" >&2
  # Batches of 25 (a batch is one transaction: each of its publications adds to the same rollup rows, whose row
  # versions pile up until the commit), four at once.
  bench public-seed --prefix "$1" --regions "$2" --reports "$3" --batch 25 --clients 4 --fixture "$fixture" ${4:+--under "$4"}
  psql -d gd_bench_public -c "ANALYZE"
}

# start_web DIR LABEL: starts the portal of DIR from its content root and prints the time to the first answered report page.
# With the tier-up delay off, as run.sh and deploy/govdisclosure.service start the portal.
start_web() {
  local dir=$1 label=$2 started
  started=$(date +%s%N)
  (cd "$dir/src/GovDisclosure.Web" && exec env ASPNETCORE_ENVIRONMENT=Production \
    'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging=Warning' \
    'Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning' \
    PublicSite__OutputCache=false DOTNET_TC_CallCountingDelayMs=0 \
    ConnectionStrings__Default="$GD_CONNECTION" \
    dotnet bin/Release/net10.0/GovDisclosure.Web.dll --urls "$base_url") >"$work/web-$label.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "$base_url/Reports/$hot_id?startup=1" && break
    sleep 0.05
  done
  curl -fs -o /dev/null "$base_url/Reports/$hot_id?startup=1" || { echo "portal ($label) did not start; see $work/web-$label.log" >&2; exit 1; }
  echo "$label: start-up to the first answered report page $(( ($(date +%s%N) - started) / 1000000 )) ms ($(load))"
}
rss() { echo "$1: web process RSS $(ps -o rss= -p "$web_pid" | awk '{ printf "%.0f MiB", $1 / 1024 }') ($(load))"; }

lua="$work/random.lua"
write_lua() { # min max
cat >"$lua" <<LUA
-- A random report out of $1…$2 on every request, with a query string of its own so that the output cache never
-- answers. Each wrk thread has its own Lua state, numbered by setup and seeded apart.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  n = 0
end
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/Reports/%d?u=%d-%d", math.random($1, $2), thread_number or 0, n))
end
LUA
}

page_run() { # label
  # A discarded 5-second run first: the process is still JIT-compiling its hot paths (tiered compilation).
  wrk -t2 -c64 -d5s -s "$lua" "$base_url" >/dev/null
  echo "== $1: uncached random report page, 64 connections, $duration ($(load))"
  wrk -t2 -c64 -d"$duration" --latency -s "$lua" "$base_url" | tee "$work/page-$1.txt" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" || true
  echo "$1: load after the run $(cut -d' ' -f1-3 /proc/loadavg)"
}

summary_run() { # label region
  local i first rest
  first=$(curl -fs -o /dev/null -w '%{time_total}' "$base_url/api/summary?year=2023&region=$2&nocache=first")
  rest=$(for i in $(seq 1 ${3:-10}); do
    curl -fs -o /dev/null -w '%{time_total}\n' "$base_url/api/summary?year=2023&region=$2&nocache=$i"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "next %d: median %.0f ms, max %.0f ms", NR, t[int(NR/2)+1], t[NR] }')
  echo "$1: api summary, first request after restart $(awk -v t="$first" 'BEGIN { printf "%.0f", t * 1000 }') ms; $rest ($(load))"
}

seed BP 5 10000
if [ "${SEED_ONLY:-0}" = 1 ]; then
  [ "${SEED_MORE:-0}" = 1 ] && seed BX 5 10000 BP
  exit 0
fi
min_id=$(psql -d gd_bench_public -At -c 'SELECT min("Id") FROM reports')
# The page runs read the first 10,000 reports, also when KEEP=1 finds the second 10,000 of an earlier run.
max_id=$(psql -d gd_bench_public -At -c 'SELECT max("Id") FROM (SELECT "Id" FROM reports ORDER BY "Id" LIMIT 10000) r')
hot_id=$(( (min_id + max_id) / 2 ))
write_lua "$min_id" "$max_id"

for side in before after; do
  dir=$root; [ "$side" = before ] && dir=$before_dir
  start_web "$dir" "$side (10,000 publications)"
  echo "$side: report page $(curl -fs "$base_url/Reports/$hot_id?size=1" | wc -c) bytes"
  page_run "$side"
  rss "$side (10,000 publications, after the page run)"
  stop_web
done

# MORE=0 measures the summary over the province as it is instead of seeding 10,000 more first. The province's
# count is of its own publications: a kept database may also hold the big run's other province.
[ "${MORE:-10000}" -gt 0 ] && seed BX 5 "${MORE:-10000}" BP
all=$(psql -d gd_bench_public -At -c 'SELECT count(*) FROM publications')
province=$(psql -d gd_bench_public -At -c "SELECT count(*) FROM publications p JOIN agencies a ON a.\"Id\" = p.\"AgencyId\" WHERE starts_with(a.\"Path\", '/BP/')")
for side in before after; do
  dir=$root; [ "$side" = before ] && dir=$before_dir
  start_web "$dir" "$side ($all publications)"
  summary_run "$side, province of $province reports" BP
  rss "$side ($all publications)"
  stop_web
done

if [ "$big" -gt 20000 ]; then
  seed BY 10 $((big - 20000))
  # An interrupted seed of BY leaves fewer than BIG: the labels say how many the database really holds.
  all=$(psql -d gd_bench_public -At -c 'SELECT count(*) FROM publications')
  for side in before after; do
    dir=$root; [ "$side" = before ] && dir=$before_dir
    start_web "$dir" "$side ($all publications)"
    summary_run "$side, province of 20,000 reports" BP 3
    rss "$side ($all publications)"
    stop_web
  done
fi

if [ "$surge" -gt 0 ]; then  # SURGE=0 skips it
  echo "== publication surge: $surge approved reports, $clients clients ($(load))"
  GD_CONNECTION=$(cs gd_bench_surge) bench publish-surge --prefix SG --regions 1 --reports $((surge + 1)) --clients "$clients" --fixture "$fixture"
  echo "surge done ($(load))"
fi
