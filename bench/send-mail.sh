#!/usr/bin/env bash
# N personalised messages rendered and delivered to a local SMTP sink (aiosmtpd's discarding Sink handler).
# Usage: bench/send-mail.sh [subscribers=10000] [connections=4]   (needs /usr/bin/python3 with python3-aiosmtpd)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
subscribers=${1:-10000}
connections=${2:-4}
port=${PORT:-2599}
out=$(mktemp -d)
dotnet publish "$repo/bench/Roundup.Bench" -c Release -o "$out/bench" >/dev/null
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Sink 2>/dev/null &
sink=$!
trap 'kill $sink; rm -rf "$out"' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
/usr/bin/time -f "whole process: %e s elapsed, %M KB peak RSS, %P CPU" "$out/bench/Roundup.Bench" send-mail "$subscribers" "$port" "$connections" "$out/scratch"
