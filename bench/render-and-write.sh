#!/usr/bin/env bash
# The two timings that used to be unit-test bounds, in process (no start-up counted), each after a warm-up:
#   roundup-bench render-email 10000 ROUNDS: one prepared 15-paper issue personalised 10,000 times (HTML + text);
#   roundup-bench write-offline ../shared/data/fulltext 20 ROUNDS: the offline writer on 20 picks from full texts.
# Usage: bench/render-and-write.sh [rounds=5]   (write-offline needs ../shared/data beside the repository)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$repo/bench/Roundup.Bench" -c Release -o "$out/bench" >/dev/null
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$out/bench/Roundup.Bench.dll" render-email 10000 "$rounds"
fulltext="$repo/../shared/data/fulltext"
if [ -d "$fulltext" ]; then
  dotnet "$out/bench/Roundup.Bench.dll" write-offline "$fulltext" 20 "$rounds"
else
  echo "write-offline: $fulltext is absent, skipped"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
