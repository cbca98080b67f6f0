#!/usr/bin/env bash
# Whole-process time and peak memory of importing the 13 June 2025 listing files (7,899 papers) into a fresh store.
# Usage: bench/import-listings.sh [runs]   (needs ../shared/data beside the repository)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
listings="$repo/../shared/data/arxiv/listings"
[ -d "$listings" ] || { echo "bench: $listings is absent" >&2; exit 1; }
runs=${1:-5}
out=$(mktemp -d)
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$out/roundup" >/dev/null
for i in $(seq "$runs"); do
  rm -rf "$out/work" && mkdir "$out/work" && cd "$out/work"
  /usr/bin/time -f "run $i: %e s elapsed, %M KB peak RSS" "$out/roundup/roundup" import "$listings"/*.jsonl --log-level Warning >/dev/null
done
rm -rf "$out"
