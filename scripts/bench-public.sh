#!/usr/bin/env bash
# Public-site benchmark (docs/benchmarks.md, "Public site"): a private PostgreSQL with 10,000 published
# reports (5 regions × 2,000 departments, year 2023, the T2021 sample fixture as content), the portal in
# Release, and wrk on loopback at 64 connections against the report page, the list page and the API,
# plus the time of an uncached region summary over 2,000 reports.
# Environment: PORT (web, default 5091), GD_PG_PORT (database, default 55491), DURATION (wrk, default 20s),
#              REPORTS (default 10000), REGIONS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-5091}
pg_port=${GD_PG_PORT:-55491}
duration=${DURATION:-20s}
reports=${REPORTS:-10000}
regions=${REGIONS:-5}
per_region=$((reports / regions))
base_url="http://127.0.0.1:$port"

scripts/deps.sh postgres fonts wrk

pgdir="/tmp/gd-bench-public-$(printf '%s' "$root" | sha1sum | cut -c1-12)/pg"
mkdir -p "$(dirname "$pgdir")" && chmod 755 "$(dirname "$pgdir")"
scripts/pg.sh start "$pgdir" "$pg_port"
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  scripts/pg.sh stop "$pgdir"
}
trap cleanup EXIT

psql() { /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS gd_bench_public" -c "CREATE DATABASE gd_bench_public"
export GD_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=gd_bench_public;Maximum Pool Size=100"

dotnet build src/GovDisclosure.Cli -c Release -nologo -v q >/dev/null
dotnet build src/GovDisclosure.Web -c Release -nologo -v q >/dev/null
dotnet src/GovDisclosure.Cli/bin/Release/net10.0/gd.dll db migrate

# The content of every report: the T2021 sample fixture as year 2023, agency and title filled in per row.
fixture=tests/GovDisclosure.Infrastructure.Tests/Fixtures/sample-003-xinhua-2021.json
template_json=$(python3 - "$fixture" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["year"] = 2023
doc["agency"] = "@@AGENCY@@"
doc["title"] = "@@TITLE@@"
print(json.dumps(doc, ensure_ascii=False, indent=2))
PY
)

echo "Seeding $reports published reports…" >&2
seed_start=$(date +%s)
psql -d gd_bench_public -v doc="$template_json" -v regions="$regions" -v per="$per_region" <<'SQL'
INSERT INTO reporting_years ("Year", "Template", "DepartmentDeadline", "GovernmentDeadline", "IsOpen")
VALUES (2023, 'T2021', '2024-01-31', '2024-03-31', false);

INSERT INTO agencies ("Name", "Code", "Kind", "Level", "ParentId", "Path")
VALUES ('基准省人民政府', 'BP', 'PeopleGovernment', 'Provincial', NULL, '/BP/');
INSERT INTO agencies ("Name", "Code", "Kind", "Level", "ParentId", "Path")
SELECT '基准第' || r || '市人民政府', 'BR' || r, 'PeopleGovernment', 'DistrictedCity', p."Id", '/BP/BR' || r || '/'
  FROM generate_series(1, :regions) r, agencies p WHERE p."Code" = 'BP';
INSERT INTO agencies ("Name", "Code", "Kind", "Level", "ParentId", "Path")
SELECT '基准第' || r || '市第' || d || '局', 'BA' || r || '-' || d, 'Department', 'DistrictedCity', p."Id", p."Path" || 'BA' || r || '-' || d || '/'
  FROM generate_series(1, :regions) r
  JOIN agencies p ON p."Code" = 'BR' || r
  CROSS JOIN generate_series(1, :per) d;

INSERT INTO reports ("AgencyId", "Year", "Template", "Title", "State", "Revision", "PublishedRevision",
                     "SubmittedById", "SubmittedAt", "ApprovedById", "ApprovedAt", "CreatedAt", "UpdatedAt",
                     "Cells", "Sections", "Explanations", "CarriedValues")
SELECT a."Id", 2023, 'T2021', a."Name" || '2023年政府信息公开工作年度报告', 'Published', 1, 1,
       'bench-filler', now(), 'bench-reviewer', now(), now(), now(),
       (:'doc'::jsonb) -> 'cells', (:'doc'::jsonb) -> 'sections', '{}', '{}'
  FROM agencies a WHERE a."Code" LIKE 'BA%';

INSERT INTO publications ("ReportId", "AgencyId", "Year", "Revision", "Template", "Title", "AgencyName", "CorrectionReason",
                          "PublishedById", "PublishedByName", "PublishedAt", "Pdf", "PdfSha256", "InterchangeJson", "Explanations", "SearchText")
SELECT r."Id", r."AgencyId", 2023, 1, 'T2021', r."Title", a."Name", NULL, 'bench-reviewer', '基准审核人',
       timestamptz '2024-01-15 10:00+08' + (r."Id" % 40) * interval '1 day',
       convert_to('%PDF-1.7 bench ' || r."Id", 'UTF8'), encode(sha256(convert_to('%PDF-1.7 bench ' || r."Id", 'UTF8')), 'hex'),
       replace(replace(:'doc', '@@AGENCY@@', a."Name"), '@@TITLE@@', r."Title")::json, '{}',
       a."Name" || E'\n' || r."Title" || E'\n' || ((:'doc'::json) ->> 'sections')
  FROM reports r JOIN agencies a ON a."Id" = r."AgencyId";

INSERT INTO publication_cells ("Code", "Value", "PublicationId")
SELECT c.key, c.value::numeric, p."Id"
  FROM publications p CROSS JOIN json_each_text((:'doc'::json) -> 'cells') c;
ANALYZE;
SQL
echo "Seeded in $(( $(date +%s) - seed_start )) s: $(psql -d gd_bench_public -At -c 'SELECT count(*) FROM publications') publications, $(psql -d gd_bench_public -At -c 'SELECT count(*) FROM publication_cells') cells." >&2

min_id=$(psql -d gd_bench_public -At -c 'SELECT min("Id") FROM reports')
max_id=$(psql -d gd_bench_public -At -c 'SELECT max("Id") FROM reports')
hot_id=$(( (min_id + max_id) / 2 ))

# Per-request logging off for the run (it writes one console line per request); everything else as deployed.
# Started from its content root, as a deployment is, so appsettings.json (rate limits, logging, hosts) is read.
(cd src/GovDisclosure.Web && exec env ASPNETCORE_ENVIRONMENT=Production \
  'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging=Warning' \
  ConnectionStrings__Default="$GD_CONNECTION" \
  dotnet bin/Release/net10.0/GovDisclosure.Web.dll --urls "$base_url") >/tmp/gd-bench-public-web.log 2>&1 &
web_pid=$!
for _ in $(seq 1 60); do curl -fs "$base_url/healthz" >/dev/null && break; sleep 1; done
curl -fs "$base_url/healthz" >/dev/null || { echo "portal did not start; see /tmp/gd-bench-public-web.log" >&2; exit 1; }

lua=$(mktemp --suffix=.lua)
cat >"$lua" <<LUA
-- A random published report on every request (ids $min_id…$max_id): mostly cache misses.
-- Each wrk thread has its own Lua state: seeded alike (os.time() is the same second), both threads would ask
-- for the same ids and half the "random" requests would be answered by the cache. setup numbers the threads.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end
path = os.getenv("BENCH_PATH") or "/Reports/%d"
request = function()
  return wrk.format("GET", string.format(path, math.random($min_id, $max_id)))
end
LUA

run() { # name, url-or-lua-path
  local name=$1 target=$2
  echo "== $name" >&2
  for _ in 1 2 3; do curl -fs -o /dev/null "$base_url${target/\%d/$hot_id}"; done
  if [[ "$target" == *%d* ]]; then
    BENCH_PATH="$target" wrk -t2 -c64 -d"$duration" --latency -s "$lua" "$base_url" | tee "/tmp/gd-bench-public-$name.txt"
  else
    wrk -t2 -c64 -d"$duration" --latency "$base_url$target" | tee "/tmp/gd-bench-public-$name.txt"
  fi
}

# The portal loads the newest years' published cells into memory in the background at start (for summaries);
# one summary request waits for that, so the runs below do not share the CPU with it.
curl -fs -o /dev/null "$base_url/api/summary?year=2023&region=BR1&startup=1"
# A discarded 5-second run first: the freshly started process is still JIT-compiling its hot paths (tiered
# compilation), which otherwise lands in the first measured run's tail latency.
wrk -t2 -c64 -d5s "$base_url/Reports/$hot_id" >/dev/null
run report-hot "/Reports/$hot_id"
run report-random "/Reports/%d"
run list "/Reports"
run list-year-page "/Reports?year=2023&page=37"
# Every report page once (4 at a time), so the next run measures the cache in its steady state.
echo "== warming the cache with all $((max_id - min_id + 1)) report pages" >&2
warm_start=$(date +%s)
seq "$min_id" "$max_id" | xargs -P4 -I{} curl -fs -o /dev/null "$base_url/Reports/{}"
echo "warmed in $(( $(date +%s) - warm_start )) s" >&2
run report-random-warm "/Reports/%d"
run api-report-hot "/api/reports/$hot_id"
run api-report-random "/api/reports/%d"

# The region summary uncached: a query parameter the page ignores gives each request its own cache key.
echo "== summary (2,000 reports, uncached, 30 requests)" >&2
for i in $(seq 1 30); do
  curl -fs -o /dev/null -w '%{time_total}\n' "$base_url/Summary?year=2023&region=BR1&nocache=$i"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "summary page: min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms\n", t[1], t[int(NR/2)+1], t[int(NR*0.9)], t[NR] }'
for i in $(seq 1 30); do
  curl -fs -o /dev/null -w '%{time_total}\n' "$base_url/api/summary?year=2023&region=BR1&nocache=$i"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "api summary:  min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms\n", t[1], t[int(NR/2)+1], t[int(NR*0.9)], t[NR] }'
echo "report page size: $(curl -fs "$base_url/Reports/$hot_id" | wc -c) bytes"
echo "web process RSS: $(ps -o rss= -p "$web_pid" | awk '{ printf "%.0f MiB", $1 / 1024 }')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$lua"
