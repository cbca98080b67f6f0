#!/usr/bin/env bash
# The whole weekly job offline on the benchmark week (3,030 papers, 2025-06-23..27): import the June dev listings,
# train the taste model on the dev picks, then time `roundup run` (harvest from files + funnel) and a rerun of
# `roundup select` (everything reused). Needs ../shared/data beside the repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data="$repo/../shared/data"
[ -d "$data" ] || { echo "bench: $data is absent" >&2; exit 1; }
work=$(mktemp -d)
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$work/roundup" >/dev/null
cd "$work"
./roundup/roundup import "$data"/arxiv/listings/2025-06-0*.jsonl "$data"/arxiv/listings/2025-06-1*.jsonl --log-level Warning
/usr/bin/time -f "learn: %e s elapsed, %M KB peak RSS" ./roundup/roundup learn --picks "$data/curation/picks_june2025_dev.tsv" --extra-positives "$data/curation/hf_daily_upvotes.jsonl" --log-level Warning
/usr/bin/time -f "run 2025-W26: %e s elapsed, %M KB peak RSS" ./roundup/roundup run --week 2025-W26 --source "file:$data/arxiv/listings/2025-06-2*.jsonl" --offline --log-level Warning > run.txt
/usr/bin/time -f "select again: %e s elapsed, %M KB peak RSS" ./roundup/roundup select --week 2025-W26 --offline --log-level Warning > /dev/null
sed -n '/^Selection/,/^$/p;/^stage/,/^$/p' run.txt
rm -rf "$work"
