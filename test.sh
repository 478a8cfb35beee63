#!/usr/bin/env bash
# Runs every test. On a bare Debian 12 (as root, no systemd) it first installs what is missing of
# PostgreSQL 15 and Chromium (and nothing else: the pages ship their own CJK font) and starts a
# throwaway PostgreSQL on 127.0.0.1:5433. Extra arguments go to `dotnet test`,
# e.g. ./test.sh --filter "FullyQualifiedName~Storage".
set -euo pipefail
cd "$(dirname "$0")"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA=/tmp/gridcommand-pg
PG_PORT=5433
CHROMIUM=/usr/bin/chromium

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for package in postgresql-15 chromium; do
    installed "$package" || missing+=("$package")
done
if (( ${#missing[@]} )); then
    echo "test.sh: installing ${missing[*]} (apt-get, about a minute)..."
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "test.sh: starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT (data in $PG_DATA)..."
    rm -rf "$PG_DATA" && mkdir -p "$PG_DATA" && chown postgres "$PG_DATA"
    su postgres -c "$PG_BIN/initdb -D $PG_DATA -A trust -U postgres -E UTF8 >/dev/null && $PG_BIN/pg_ctl -D $PG_DATA -o '-p $PG_PORT -k $PG_DATA -h 127.0.0.1' -l $PG_DATA/log.txt -w start"
    "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" \
        || { echo "test.sh: PostgreSQL did not start; see $PG_DATA/log.txt" >&2; exit 1; }
fi

export GRIDCOMMAND_TEST_PG="${GRIDCOMMAND_TEST_PG:-Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres}"
export GRIDCOMMAND_CHROMIUM=$CHROMIUM

dotnet test GridCommand.slnx "$@"
