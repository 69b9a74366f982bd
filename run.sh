#!/usr/bin/env bash
# Brings the portal up on this machine with demo data: installs what is missing, starts a private
# PostgreSQL, migrates, loads the demo once, and serves http://127.0.0.1:${PORT:-5080} until Ctrl-C.
# Environment: PORT (web, default 5080), GD_PG_PORT (database, default 55480).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
port=${PORT:-5080}
pg_port=${GD_PG_PORT:-55480}

scripts/deps.sh postgres fonts

# initdb runs as the postgres user, which must be able to reach the cluster directory. Under a path it
# cannot traverse (e.g. /root/...), the cluster lives under /tmp instead, one per checkout.
pgdir="$root/.data/pg"
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$root"; then
  base="/tmp/gd-run-$(printf '%s' "$root" | sha1sum | cut -c1-12)"
  mkdir -p "$base" && chmod 755 "$base"
  pgdir="$base/pg"
else
  mkdir -p "$root/.data" && chmod 755 "$root/.data"
fi
scripts/pg.sh start "$pgdir" "$pg_port"
trap 'scripts/pg.sh stop "$pgdir"' EXIT
echo "PostgreSQL: 127.0.0.1:$pg_port ($pgdir)"

# EF creates the database itself on the first migration.
export GD_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=govdisclosure"
dotnet build src/GovDisclosure.Cli -c Release -nologo -v q >/dev/null
dotnet build src/GovDisclosure.Web -c Release -nologo -v q >/dev/null
gd() { dotnet "src/GovDisclosure.Cli/bin/Release/net10.0/gd.dll" "$@"; }
gd db migrate
# Loads on the first run only; later runs just print the accounts.
gd demo || echo "示范数据未能加载（原因见上）；门户仍将启动。" >&2

echo "门户：http://127.0.0.1:$port"
ConnectionStrings__Default="$GD_CONNECTION" dotnet run --project src/GovDisclosure.Web -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port"
