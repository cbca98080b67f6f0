#!/usr/bin/env bash
# Fuzz one of Roundup's readers of outside input with afl-fuzz (Debian's afl++) through SharpFuzz:
#   bench/fuzz.sh TARGET [SECONDS]      targets: listing snapshot oai atom rss latex html pdf
# Publishes bench/Roundup.Fuzz, instruments Roundup's assemblies and the parsers they use (AngleSharp, PdfPig), and
# runs afl-fuzz from the seeds in bench/Roundup.Fuzz/Seeds/TARGET for SECONDS (default 600). Findings stay in
# ${FUZZ_DIR:-/tmp/roundup-fuzz}/TARGET/findings (crashes/, hangs/); replay one with
#   dotnet ${FUZZ_DIR:-/tmp/roundup-fuzz}/TARGET/bin/Roundup.Fuzz.dll TARGET FILE
# The last line gives executions, crashes and hangs, from afl-fuzz's fuzzer_stats.
set -euo pipefail
target=${1:?usage: bench/fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
repo=$(cd "$(dirname "$0")/.." && pwd)
seeds="$repo/bench/Roundup.Fuzz/Seeds/$target"
[ -d "$seeds" ] || { echo "fuzz: no seeds for '$target' in $seeds" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz is missing (apt-get install afl++)" >&2; exit 2; }
work="${FUZZ_DIR:-/tmp/roundup-fuzz}/$target"
rm -rf "$work" && mkdir -p "$work"
dotnet publish "$repo/bench/Roundup.Fuzz" -c Release -o "$work/bin" >/dev/null
(cd "$repo" && dotnet tool restore >/dev/null)
for dll in "$work"/bin/Roundup.*.dll "$work"/bin/AngleSharp*.dll "$work"/bin/UglyToad.PdfPig*.dll; do
  case "$(basename "$dll")" in Roundup.Fuzz.dll) continue ;; esac
  (cd "$repo" && dotnet sharpfuzz "$dll" >/dev/null)
done
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
afl-fuzz -V "$seconds" -i "$seeds" -o "$work/findings" -t 10000 -m none -- dotnet "$work/bin/Roundup.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 || true
stats="$work/findings/default/fuzzer_stats"
[ -f "$stats" ] || { echo "fuzz: afl-fuzz did not start; see $work/afl.log" >&2; tail -20 "$work/afl.log" >&2; exit 1; }
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "$target: $(value execs_done) executions in $(value run_time) s ($(value execs_per_sec)/s), $(value corpus_count) paths, $(value saved_crashes) crashes, $(value saved_hangs) hangs; findings in $work/findings/default"
