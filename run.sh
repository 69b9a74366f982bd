#!/usr/bin/env bash
# Brings the portal up on this machine with demo data: installs what is missing, starts a private
# PostgreSQL, migrates, loads the demo once, and serves http://127.0.0.1:${PORT:-5080} until Ctrl-C.
# Environment: PORT (web, default 5080), GD_PG_PORT (database, default 55480), INSTANCES (web processes, default 1).
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
# Three generated passwords, kept in the ignored .data folder and reused on every run: the cluster's superuser,
# the owner role that runs migrations, and the portal role the web connects as (docs/security.md).
secrets="$root/.data/secrets"
mkdir -p "$secrets" && chmod 700 "$secrets"
for role in postgres gd_owner gd_portal; do
  [ -s "$secrets/$role" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$secrets/$role")
done
pw() { cat "$secrets/$1"; }

GD_PG_PWFILE="$secrets/postgres" scripts/pg.sh start "$pgdir" "$pg_port"
trap 'scripts/pg.sh stop "$pgdir"' EXIT
echo "PostgreSQL: 127.0.0.1:$pg_port ($pgdir)"

psql_super() { PGPASSWORD=$(pw postgres) /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# A cluster made by an earlier run.sh trusted every local connection: give the superuser its password and
# switch to scram-sha-256 (the trust line lets this one ALTER through, then it is gone).
hba="$pgdir/pg_hba.conf"
if [ "$(id -u)" -eq 0 ]; then read_hba() { runuser -u postgres -- cat "$hba"; }; else read_hba() { cat "$hba"; }; fi
if read_hba | grep -qE '^[^#].*\btrust\b'; then
  psql_super -d postgres -c "ALTER ROLE postgres PASSWORD '$(pw postgres)'"
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- sed -i -E 's/\btrust\b/scram-sha-256/' "$hba"; else sed -i -E 's/\btrust\b/scram-sha-256/' "$hba"; fi
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir" reload >/dev/null; else /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir" reload >/dev/null; fi
fi

# The two roles (passwords re-set from .data/secrets each run, which is also how to rotate them here) and the
# database, owned by gd_owner. A database from before the roles existed is handed over to gd_owner.
psql_super -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gd_owner') THEN CREATE ROLE gd_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gd_portal') THEN CREATE ROLE gd_portal LOGIN; END IF;
END \$\$;
ALTER ROLE gd_owner LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '$(pw gd_owner)';
ALTER ROLE gd_portal LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '$(pw gd_portal)';
SELECT 'CREATE DATABASE govdisclosure OWNER gd_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'govdisclosure') \gexec
ALTER DATABASE govdisclosure OWNER TO gd_owner;
SQL
psql_super -d govdisclosure <<'SQL'
ALTER SCHEMA public OWNER TO gd_owner;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT format('ALTER TABLE %I.%I OWNER TO gd_owner', schemaname, tablename) AS s FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'gd_owner' LOOP EXECUTE r.s; END LOOP;
  FOR r IN SELECT format('ALTER FUNCTION %s OWNER TO gd_owner', p.oid::regprocedure) AS s FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
           WHERE n.nspname = 'public' AND d.objid IS NULL AND pg_get_userbyid(p.proowner) <> 'gd_owner' LOOP EXECUTE r.s; END LOOP;
END $$;
SQL

# Migrations and the demo as the owner; the portal as gd_portal, which may only append to the history.
export GD_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=gd_owner;Password=$(pw gd_owner);Database=govdisclosure"
portal_connection="Host=127.0.0.1;Port=$pg_port;Username=gd_portal;Password=$(pw gd_portal);Database=govdisclosure"
dotnet build src/GovDisclosure.Cli -c Release -nologo -v q >/dev/null
dotnet build src/GovDisclosure.Web -c Release -nologo -v q >/dev/null
gd() { dotnet "src/GovDisclosure.Cli/bin/Release/net10.0/gd.dll" "$@"; }
gd db migrate
# Loads on the first run only; later runs just print the accounts.
gd demo || echo "示范数据未能加载（原因见上）；门户仍将启动。" >&2

# INSTANCES=2 (or more) serves PORT, PORT+1, … over the one database: sign-ins, forms and published pages are the
# same on every instance (keys in the database, publications announced by NOTIFY; docs/operations.md).
instances=${INSTANCES:-1}
# Plain http on loopback, so the session cookie cannot be Secure here; behind the TLS proxy it always is.
serve() {
  # DOTNET_TC_CallCountingDelayMs=0: hot methods are optimised at once, as deploy/govdisclosure.service says why.
  DOTNET_TC_CallCountingDelayMs=0 ConnectionStrings__Default="$portal_connection" Security__CookieSecurePolicy=SameAsRequest PublicSite__BaseUrl="http://127.0.0.1:$port" \
    dotnet run --project src/GovDisclosure.Web -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$1"
}
if [ "$instances" -le 1 ]; then
  echo "门户：http://127.0.0.1:$port"
  serve "$port"
else
  pids=()
  for i in $(seq 0 $((instances - 1))); do
    echo "门户实例 $((i + 1))：http://127.0.0.1:$((port + i))"
    serve $((port + i)) &
    pids+=($!)
  done
  trap 'kill "${pids[@]}" 2>/dev/null; wait; scripts/pg.sh stop "$pgdir"' EXIT
  wait
fi
