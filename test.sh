#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL and prints one closing line: "N passed, N failed".
# Exits non-zero if any test fails or any project fails to build. Works on a fresh machine with the .NET SDK.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

scripts/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

# The throwaway cluster lives under /tmp (postgres must be able to traverse the path) and is removed afterwards.
pgdir=$(mktemp -d /tmp/gd-test-pg.XXXXXX)
chmod 755 "$pgdir"
port=${GD_TEST_PG_PORT:-55432}
cleanup() { scripts/pg.sh stop "$pgdir/data"; rm -rf "$pgdir"; }
trap cleanup EXIT
scripts/pg.sh start "$pgdir/data" "$port" fast || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
export GD_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"

results=$(mktemp -d /tmp/gd-test-results.XXXXXX)
dotnet build GovDisclosure.sln -c Release -nologo -v q || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  grep -q '<IsTestProject>true</IsTestProject>' "$proj" || continue
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo -v q \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=normal" || status=1
done

# Total the counters of every trx file; a project that crashed before writing one counts as a failure.
passed=0; failed=0
for proj in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$proj" || continue
  name=$(basename "$proj" .csproj); trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then failed=$((failed + 1)); continue; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
rm -rf "$results"
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
