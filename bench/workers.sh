#!/usr/bin/env bash
# The weekly job on the benchmark week (3,030 papers, 2025-06-23..27) in one process, then handed to 1 and to 3
# `roundup worker` processes (one job at a time each) on this machine. Full texts come from a local server standing in
# for arXiv: every paper of the week gets one of the shared real PDFs (../shared/data/fulltext/pdfs, in turn), so the
# skim stage's 150 papers are really fetched and parsed. The spacing for that local host is 0 s: what is measured is
# the work, not arXiv's 3 s a request (which alone makes 150 fetches take 450 s, whatever the workers).
# Needs ../shared/data beside the repository and PostgreSQL's server binaries (apt-get install postgresql).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data="$repo/../shared/data"
[ -d "$data" ] || { echo "bench: $data is absent" >&2; exit 1; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "bench: PostgreSQL's initdb is absent (apt-get install postgresql)" >&2; exit 1; }
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  for pid in ${worker_pids:-}; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  as_pg "$bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# BENCH_ROUNDUP: a roundup already built (e.g. src/Roundup.Cli/bin/Release/net10.0/roundup), instead of publishing one.
roundup=${BENCH_ROUNDUP:-}
if [ -z "$roundup" ]; then
  dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$work/roundup" >/dev/null
  roundup="$work/roundup/roundup"
fi

# A private PostgreSQL on a free port.
mkdir "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$bin/initdb" -D "$work/pg" -U roundup --auth trust -E UTF8 --locale C.UTF-8 --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off" -w start >/dev/null

# The local arXiv: /pdf/<id>v1 for every paper of the week, each one of the shared PDFs in turn.
mkdir -p "$work/arxiv/pdf"
mapfile -t pdfs < <(ls "$data"/fulltext/pdfs/*.pdf | sort)
python3 - "$work/arxiv/pdf" "$data/arxiv/listings" "${pdfs[@]}" <<'PY'
import json, glob, os, sys, zlib
folder, listings, pdfs = sys.argv[1], sys.argv[2], sys.argv[3:]
for path in sorted(glob.glob(os.path.join(listings, "2025-06-2*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        paper = json.loads(line)["arxiv_id"]
        os.symlink(pdfs[zlib.crc32(paper.encode()) % len(pdfs)], os.path.join(folder, paper.replace("/", "_") + "v1"))
PY
http_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$http_port" --bind 127.0.0.1 --directory "$work/arxiv" >/dev/null 2>&1 &
server_pid=$!
sleep 1

export ROUNDUP_Selection__FullText__BaseUrl="http://127.0.0.1:$http_port"
export ROUNDUP_Selection__FullText__Order__0=pdf
export ROUNDUP_Arxiv__Http__MinIntervalSeconds=0
export ROUNDUP_Workers__ConnectionString="Host=127.0.0.1;Port=$port;Username=roundup;Database=postgres"
export ROUNDUP_Workers__Threads=1
export ROUNDUP_Workers__PollSeconds=0.5
source="file:$data/arxiv/listings/2025-06-2*.jsonl"

# One configuration: a fresh coordinator folder and fresh worker folders (nothing fetched or read before).
week() {
  local name=$1 workers=$2
  mkdir -p "$work/$name"
  worker_pids=""
  for i in $(seq 1 "$workers"); do
    mkdir -p "$work/$name/worker$i"
    (cd "$work/$name/worker$i" && exec /usr/bin/time -f "%U %S" -o cpu.txt "$roundup" worker > worker.out 2> worker.log) &
    worker_pids="$worker_pids $!"
  done
  [ "$workers" -gt 0 ] && sleep 3
  local flag=""; [ "$workers" -gt 0 ] && flag="--workers"
  local start=$(date +%s.%N)
  (cd "$work/$name" && /usr/bin/time -f "%U %S" -o cpu.txt "$roundup" run --week 2025-W26 --source "$source" $flag --format json > run.json 2> run.log)
  local end=$(date +%s.%N)
  # SIGTERM to each worker itself (the child of its time), which then writes the worker's CPU seconds.
  for pid in $worker_pids; do pkill -TERM -P "$pid" || true; done
  [ -z "$worker_pids" ] || wait $worker_pids 2>/dev/null || true
  worker_pids=""
  local skim=$(grep -o 'skim: [0-9]* in, .*, [0-9.]* s' "$work/$name/run.log" | grep -o '[0-9.]* s$')
  local entries=$(python3 -c "import json; d=json.load(open('$work/$name/run.json')); print(d['issue']['papers'])")
  render=$(cd "$work/$name" && "$roundup" render --week 2025-W26 | sha256sum | cut -c1-12)
  # CPU seconds (user + system): the coordinator's, and all its workers' together.
  local cpu_run=$(awk '{print $1 + $2}' "$work/$name/cpu.txt")
  local cpu_workers=$(cat "$work/$name"/worker*/cpu.txt 2>/dev/null | awk '{s += $1 + $2} END {print s + 0}')
  printf '%-16s %7.1f s elapsed   skim stage (150 full texts fetched + read) %7s   CPU: run %6.1f s + workers %6.1f s   %s entries, issue Markdown sha256 %s\n' \
    "$name" "$(echo "$end - $start" | bc)" "$skim" "$cpu_run" "$cpu_workers" "$entries" "$render"
}

echo "weekly job, 2025-W26, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
week single-process 0
week one-worker 1
week three-workers 3
