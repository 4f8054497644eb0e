#!/usr/bin/env bash
# Start-up of the published Release build: time from launching the process to the first 200
# from /health (the readiness probe, which answers only when the database does), on SQLite.
# Runs each case several times and reports every run, the median and the worst.
#
#   bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
RUNS=${1:-7}
PORT=${INNERALLY_BENCH_PORT:-5602}
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-startup.md"

echo "Publishing the Release build..."
dotnet publish src/InnerAlly -c Release -o "$OUT/app" -v q --nologo >/dev/null

measure() { # $1 database file; prints milliseconds to the first 200 from /health
  local start end
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ConnectionStrings__InnerAlly="Data Source=$1" \
    "$OUT/app/InnerAlly" --urls "http://127.0.0.1:$PORT" >"$OUT/startup.log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    sleep 0.005
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; see $OUT/startup.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "%s | %d | %d", a[1], a[int((NR+1)/2)], a[NR]}'; }

DIR=$(mktemp -d)
fresh=(); existing=()
for i in $(seq 1 "$RUNS"); do
  rm -f "$DIR"/*
  fresh+=("$(measure "$DIR/fresh.db")")      # creates the file and applies every migration
  existing+=("$(measure "$DIR/fresh.db")")   # the same file, already migrated
done
rm -rf "$DIR"

{
  echo "# Start-up to the first 200 from /health, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores); $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- .NET $(dotnet --version) SDK; Release build from dotnet publish; SQLite; $RUNS runs each"
  echo
  echo "| case | runs (ms) | fastest | median | slowest |"
  echo "|---|---|---|---|---|"
  echo "| new database (create + migrate) | ${fresh[*]} | $(printf '%s\n' "${fresh[@]}" | stats) |"
  echo "| existing database | ${existing[*]} | $(printf '%s\n' "${existing[@]}" | stats) |"
} | tee "$RESULT"
echo "Wrote $RESULT"
