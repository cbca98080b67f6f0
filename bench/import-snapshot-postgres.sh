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

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=(); [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
pg="$scratch/pg"; rm -rf "$pg"; mkdir -p "$pg"
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" > "$pg/password"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$bin/initdb" -D "$pg/data" -U roundup --pwfile "$pg/password" --auth scram-sha-256 -E UTF8 --locale C.UTF-8 >/dev/null
rm -f "$pg/password"
# A durable server (fsync on), sized for a bulk load: larger shared buffers and WAL between checkpoints.
"${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_compression=lz4" start >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null; rm -rf "$pg"' EXIT
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U roundup -d postgres -qc "CREATE DATABASE roundup" >/dev/null

export ROUNDUP_Store__Provider=postgres
export ROUNDUP_Store__ConnectionString="Host=127.0.0.1;Port=$port;Username=roundup;Password=$password;Database=roundup"
rm -rf "$scratch/work" && mkdir "$scratch/work" && cd "$scratch/work"
start=$(date +%s.%N)
/usr/bin/time -f "%e s elapsed, %M KB peak RSS, %U s user, %S s system" "$scratch/roundup/roundup" import "$snapshot"
end=$(date +%s.%N)
python3 -c "print(f'{$records / ($end - $start):,.0f} records/s')"
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U roundup -d roundup -Atc "SELECT count(*) || ' papers, ' || pg_size_pretty(pg_database_size('roundup')) FROM papers"
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U roundup -d postgres -qc "CREATE DATABASE store_phase" >/dev/null
dotnet "$scratch/bench/Roundup.Bench.dll" postgres-store-phase "$snapshot" "Host=127.0.0.1;Port=$port;Username=roundup;Password=$password;Database=store_phase" 300000
