#!/bin/sh
# Run once by the postgres image on an empty data volume (mounted into /docker-entrypoint-initdb.d/).
# POSTGRES_USER is the cluster's superuser and stays with the database administrator; the portal never uses it.
# gd_owner owns the database and runs the migrations; gd_portal is what the portal connects as, and may only
# append to the audit trail and the published revisions (docs/security.md). Passwords come from the environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$GD_OWNER_PASSWORD" -v portal_pw="$GD_PORTAL_PASSWORD" <<'SQL'
CREATE ROLE gd_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_pw';
CREATE ROLE gd_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'portal_pw';
CREATE DATABASE govdisclosure OWNER gd_owner;
\connect govdisclosure
ALTER SCHEMA public OWNER TO gd_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
