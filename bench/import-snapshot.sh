#!/usr/bin/env bash
# Records per second and peak memory of importing a synthetic arXiv metadata snapshot (Kaggle format) of N records
# (default 2.7M, ~4.8 GB) into a fresh store. Needs ~15 GB of free disk in the scratch folder.
# Usage: bench/import-snapshot.sh [records] [scratch-dir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
records=${1:-2700000}
scratch=${2:-$(mktemp -d)}
mkdir -p "$scratch"
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$scratch/roundup" >/dev/null
dotnet build "$repo/bench/Roundup.Bench" -c Release -o "$scratch/bench" >/dev/null
snapshot="$scratch/arxiv-metadata-oai-snapshot.json"
[ -f "$snapshot" ] || dotnet "$scratch/bench/Roundup.Bench.dll" generate-snapshot --records "$records" --out "$snapshot"
rm -rf "$scratch/work" && mkdir "$scratch/work" && cd "$scratch/work"
start=$(date +%s.%N)
/usr/bin/time -f "%e s elapsed, %M KB peak RSS, %U s user, %S s system" "$scratch/roundup/roundup" import "$snapshot"
end=$(date +%s.%N)
python3 -c "print(f'{$records / ($end - $start):,.0f} records/s')"
