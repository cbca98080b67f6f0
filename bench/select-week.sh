#!/usr/bin/env bash
# The whole weekly job offline. First as a new user: an empty folder, the shipped default taste, a cold embedding
# cache, on the benchmark week (3,030 papers, 2025-06-23..27) and on the 2026 week (1,909 papers). Then as a curator:
# import the June dev listings, `roundup learn` on the dev picks and Hugging Face's featured papers, `roundup run` on
# the benchmark week and a rerun of `roundup select` (everything reused). Needs ../shared/data beside the repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data="$repo/../shared/data"
[ -d "$data" ] || { echo "bench: $data is absent" >&2; exit 1; }
work=$(mktemp -d)
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$work/roundup" >/dev/null
mkdir "$work/new-2025" "$work/new-2026" "$work/curator"
(cd "$work/new-2025" && /usr/bin/time -f "first run 2025-W26, default taste, cold cache: %e s elapsed, %M KB peak RSS" \
  ../roundup/roundup run --week 2025-W26 --source "file:$data/arxiv/listings/2025-06-2*.jsonl" --offline --log-level Warning > run.txt)
(cd "$work/new-2026" && /usr/bin/time -f "first run 2026-W20, default taste, cold cache: %e s elapsed, %M KB peak RSS" \
  ../roundup/roundup run --week 2026-W20 --source "file:$data/arxiv/listings-2026/*.jsonl" --offline --log-level Warning > run.txt)
cd "$work/curator"
../roundup/roundup import "$data"/arxiv/listings/2025-06-0*.jsonl "$data"/arxiv/listings/2025-06-1*.jsonl --log-level Warning
/usr/bin/time -f "learn: %e s elapsed, %M KB peak RSS" ../roundup/roundup learn --picks "$data/curation/picks_june2025_dev.tsv" --extra-positives "$data/curation/hf_daily_upvotes.jsonl" --log-level Warning
/usr/bin/time -f "run 2025-W26 after learn: %e s elapsed, %M KB peak RSS" ../roundup/roundup run --week 2025-W26 --source "file:$data/arxiv/listings/2025-06-2*.jsonl" --offline --log-level Warning > run.txt
/usr/bin/time -f "select again: %e s elapsed, %M KB peak RSS" ../roundup/roundup select --week 2025-W26 --offline --log-level Warning > /dev/null
sed -n '/^Selection/,/^$/p;/^stage/,/^$/p' "$work/new-2025/run.txt"
rm -rf "$work"
