#!/bin/sh
# web: the portal. migrate: apply pending migrations and exit. gd ARGS: any command-line verb.
set -e
case "${1:-web}" in
  web) exec dotnet /app/GovDisclosure.Web.dll ;;
  migrate) exec dotnet /app/cli/gd.dll db migrate ;;
  gd) shift; exec dotnet /app/cli/gd.dll "$@" ;;
  *) echo "usage: web | migrate | gd ARGS" >&2; exit 2 ;;
esac
