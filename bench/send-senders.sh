#!/usr/bin/env bash
# N subscribers of a PostgreSQL store delivered by real `roundup send` processes sharing the mailing (1, then 3, each
# through its own local SMTP sink: aiosmtpd's discarding Sink, which is single-threaded), and by `roundup send
# --workers` with 3 `roundup worker` processes (each through its own sink). Each case gets a fresh database seeded
# alike; the time is from the first process's start to the last one's end.
# Usage: bench/send-senders.sh [subscribers=100000] [connections per sender=4] [scratch-dir] [cases="senders:1 senders:3 workers:3"]
#   (needs Debian's postgresql and python3-aiosmtpd)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
subscribers=${1:-100000}
connections=${2:-4}
scratch=${3:-$(mktemp -d)}
cases=${4:-senders:1 senders:3 workers:3}
mkdir -p "$scratch"; scratch=$(cd "$scratch" && pwd)
source "$repo/bench/lib/postgres.sh"
dotnet publish "$repo/src/Roundup.Cli" -c Release -o "$scratch/roundup" >/dev/null
dotnet build "$repo/bench/Roundup.Bench" -c Release -o "$scratch/bench" >/dev/null
start_postgres "$scratch/pg"
sinks=()
cleanup() { for pid in "${sinks[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Sets SINK_PORT (not echoed: a sink started inside $(...) would hold the substitution's pipe open).
start_sink() {
  SINK_PORT=$(free_port)
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SINK_PORT" -c aiosmtpd.handlers.Sink >/dev/null 2>&1 &
  sinks+=($!)
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.1; done
}
export ROUNDUP_Store__Provider=postgres
export ROUNDUP_Mail__Secret="a benchmark secret that is long enough to sign links"
export ROUNDUP_Mail__From="Roundup <issues@example.org>"
export ROUNDUP_Mail__Connections=$connections
export ROUNDUP_Mail__Smtp__Security=None
export ROUNDUP_Mail__Smtp__Host=127.0.0.1
export ROUNDUP_Workers__Threads=1

seed() {
  pg_createdb "$1"
  export ROUNDUP_Store__ConnectionString; ROUNDUP_Store__ConnectionString=$(pg_connection "$1")
  dotnet "$scratch/bench/Roundup.Bench.dll" seed-send "$ROUNDUP_Store__ConnectionString" "$subscribers"
}

senders() {
  local count=$1; seed "senders$count"
  local pids=() start end
  start=$(date +%s.%N)
  for i in $(seq "$count"); do
    start_sink; local port=$SINK_PORT
    mkdir -p "$scratch/s$count-$i"
    (cd "$scratch/s$count-$i" && ROUNDUP_Mail__Sender=smtp ROUNDUP_Mail__Smtp__Port=$port \
      /usr/bin/time -f "sender $i: %e s, %M KB peak RSS, %U s user, %S s system" "$scratch/roundup/roundup" send --week 2025-W26 > out 2> err; tail -1 err) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)
  grep -h '^2025-W26: sent' "$scratch"/s$count-*/out || true
  python3 -c "print(f'$count sender(s): {$subscribers:,} messages in {$end - $start:.1f} s = {$subscribers / ($end - $start):,.0f} messages/s')"
  for pid in "${sinks[@]}"; do kill "$pid" 2>/dev/null || true; done; sinks=()
}

workers() {
  local count=$1; seed "workers$count"
  local wpids=() start end
  for i in $(seq "$count"); do
    start_sink; local port=$SINK_PORT
    mkdir -p "$scratch/w$count-$i"
    (cd "$scratch/w$count-$i" && ROUNDUP_Mail__Sender=smtp ROUNDUP_Mail__Smtp__Port=$port exec "$scratch/roundup/roundup" worker > out 2> err) &
    wpids+=($!)
  done
  sleep 5
  mkdir -p "$scratch/coordinator$count"
  start=$(date +%s.%N)
  (cd "$scratch/coordinator$count" && /usr/bin/time -f "coordinator: %e s, %M KB peak RSS" "$scratch/roundup/roundup" send --workers --week 2025-W26 > out 2> err; tail -1 err)
  end=$(date +%s.%N)
  grep -h '^2025-W26: sent' "$scratch/coordinator$count/out" || true
  python3 -c "print(f'send --workers, $count worker(s): {$subscribers:,} messages in {$end - $start:.1f} s = {$subscribers / ($end - $start):,.0f} messages/s')"
  for pid in "${wpids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for pid in "${sinks[@]}"; do kill "$pid" 2>/dev/null || true; done; sinks=()
}

for case in $cases; do "${case%%:*}" "${case##*:}"; done
