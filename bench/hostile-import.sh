#!/usr/bin/env bash
# Whole-process time and peak memory of importing a 3-line listing file whose middle record has a title of N bytes
# (default: 200 MB and 1.1 GB), into a fresh store. The file is streamed to the scratch folder, never held in memory.
# Usage: bench/hostile-import.sh [scratch-dir] [title-bytes...]     (needs ~1.5 GB of free disk for the defaults)
# A roundup build to time may be given in ROUNDUP (a folder holding roundup.dll); otherwise it is published here.
# Prints, per size: the first lines of the output, elapsed seconds, peak RSS, exit code, and the records stored
# (2 expected: the neighbours; the long record is refused).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-$(mktemp -d)}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000000 1100000000)
mkdir -p "$scratch"
roundup=${ROUNDUP:-$scratch/roundup}
if [ -z "${ROUNDUP:-}" ]; then
  dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$roundup" >/dev/null
fi

record() { # id title-bytes
  printf '{"arxiv_id": "%s", "listing_date": "2025-06-23", "title": "' "$1"
  if [ "$2" -gt 0 ]; then head -c "$2" /dev/zero | tr '\0' 'a'; else printf 'A neighbour'; fi
  printf '", "abstract": "x", "authors": ["A"], "primary_category": "cs.LG"}\n'
}

for size in "${sizes[@]}"; do
  file="$scratch/long-line-$size.jsonl"
  { record 2506.00001 0; record 2506.00002 "$size"; record 2506.00003 0; } > "$file"
  rm -rf "$scratch/work" && mkdir "$scratch/work" && cd "$scratch/work"
  echo "title of $size bytes ($(stat -c %s "$file") bytes in the file):"
  /usr/bin/time -o "$scratch/time.txt" -f "  %e s elapsed, %M KB peak RSS, exit %x" \
    dotnet "$roundup/roundup.dll" import "$file" --log-level Warning > "$scratch/out.txt" 2>&1 || true
  grep -v -e '^ *at ' -e 'End of stack trace' "$scratch/out.txt" | head -5 | cut -c1-300 | sed 's/^/  /'
  cat "$scratch/time.txt"
  stored=$( [ -f roundup.db ] && sqlite3 roundup.db 'SELECT count(*) FROM papers' 2>/dev/null || echo 0)
  echo "  records stored: $stored"
  rm -f "$file"
done
