#!/usr/bin/env bash
# Records per second and peak memory (of the roundup process) of importing a synthetic arXiv metadata snapshot
# (Kaggle format) of N records (default 2.7M, ~4.8 GB) into a fresh PostgreSQL store, through binary COPY.
# Starts a private PostgreSQL server in the scratch folder (initdb + pg_ctl on a free 127.0.0.1 port, as the
# 'postgres' account when run as root) and removes it after. Needs ~25 GB free in the scratch folder.
# Then the store alone: the first 300,000 records read into memory first, then stored into a second empty database
# (roundup-bench postgres-store-phase), so the COPY path's own capacity shows apart from the reader's.
# Usage: bench/import-snapshot-postgres.sh [records] [scratch-dir] [existing-snapshot.json]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
records=${1:-2700000}
scratch=${2:-$(mktemp -d)}
snapshot=${3:-$scratch/arxiv-metadata-oai-snapshot.json}
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$scratch/roundup" >/dev/null
dotnet build "$repo/bench/Roundup.Bench" -c Release -o "$scratch/bench" >/dev/null
[ -f "$snapshot" ] || dotnet "$scratch/bench/Roundup.Bench.dll" generate-snapshot --records "$records" --out "$snapshot"

source "$repo/bench/lib/postgres.sh"
start_postgres "$scratch/pg"
pg_createdb roundup

export ROUNDUP_Store__Provider=postgres
export ROUNDUP_Store__ConnectionString; ROUNDUP_Store__ConnectionString=$(pg_connection roundup)
rm -rf "$scratch/work" && mkdir "$scratch/work" && cd "$scratch/work"
start=$(date +%s.%N)
/usr/bin/time -f "%e s elapsed, %M KB peak RSS, %U s user, %S s system" "$scratch/roundup/roundup" import "$snapshot"
end=$(date +%s.%N)
python3 -c "print(f'{$records / ($end - $start):,.0f} records/s')"
PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U roundup -d roundup -Atc "SELECT count(*) || ' papers, ' || pg_size_pretty(pg_database_size('roundup')) FROM papers"
pg_createdb store_phase
dotnet "$scratch/bench/Roundup.Bench.dll" postgres-store-phase "$snapshot" "$(pg_connection store_phase)" 300000
