#!/usr/bin/env bash
# Load benchmark for the check-in API against the published Release build on 127.0.0.1.
#
#   bench/load.sh                 # SQLite, then PostgreSQL when PGHOST is set
#   PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=... bench/load.sh
#
# For each database: a signed-in person with 30 check-ins is read, and another person writes;
# at a fixed 200 requests/s (hey -q) it reports p50/p99 and errors for the write and the read;
# at saturation (wrk) it reports requests/s for the list read beside /health/live measured in
# the same run. Results go to bench/results/<date>-<host>.md with the machine described.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
PORT=${INNERALLY_BENCH_PORT:-5601}
BASE="http://127.0.0.1:$PORT"
RATE_SECONDS=${INNERALLY_BENCH_RATE_SECONDS:-30}
SAT_SECONDS=${INNERALLY_BENCH_SAT_SECONDS:-15}
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-load.md"

for tool in hey wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/load.sh needs $tool (apt-get install hey wrk curl python3)" >&2; exit 2; }
done

echo "Publishing the Release build..."
dotnet publish src/InnerAlly -c Release -o "$OUT/app" -v q --nologo >/dev/null

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_app() { # $1 provider, $2 connection string
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider="$1" ConnectionStrings__InnerAlly="$2" RateLimits__SignInPermitLimit=1000 RateLimits__WritesPerMinute=1000000 \
    "$OUT/app/InnerAlly" --urls "$BASE" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 200); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.05; done
  echo "the app did not start; see $OUT/app.log" >&2; exit 1
}

stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

token_for() { # $1 email
  curl -sf -X POST "$BASE/api/v1/account/register" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench marks run on quiet machines\"}" >/dev/null
  curl -sf -X POST "$BASE/api/v1/account/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench marks run on quiet machines\"}" | json '["accessToken"]'
}

hey_summary() { # reads hey output on stdin: p50 p99 rps non2xx errors
  python3 -c '
import re, sys
text = sys.stdin.read()
def pct(p):
    m = re.search(r"\s%s%%+ in ([0-9.]+) secs" % p, text)
    return float(m.group(1)) * 1000 if m else float("nan")
rps = re.search(r"Requests/sec:\s+([0-9.]+)", text)
codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text))
ok = sum(n for c, n in codes.items() if 200 <= c < 300)
bad = sum(n for c, n in codes.items() if not 200 <= c < 300)
errors = 0
if "Error distribution:" in text:
    errors = sum(int(n) for n in re.findall(r"\[(\d+)\]\s", text.split("Error distribution:")[1]))
print("%.2f %.2f %.1f %d %d %d" % (pct(50), pct(99), float(rps.group(1)) if rps else 0, ok, bad, errors))
'
}

wrk_rps() { awk '/Requests\/sec/ {print $2}'; }

machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r); $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- .NET: $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
  echo "- Load tools: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); hey (Debian). Tools and server share the same cores."
}

run_provider() { # $1 label, $2 provider, $3 connection string
  local label=$1
  start_app "$2" "$3"
  local reader writer
  reader=$(token_for "reader-$RANDOM$RANDOM@bench.local")
  writer=$(token_for "writer-$RANDOM$RANDOM@bench.local")
  for i in $(seq 1 30); do
    curl -sf -X POST "$BASE/api/v1/check-ins" -H "authorization: Bearer $reader" -H 'content-type: application/json' \
      -d "{\"threat\":$((i % 11)),\"drive\":5,\"soothe\":$((10 - i % 11)),\"emotions\":[\"calm\",\"anxious\"],\"note\":\"Bench note number $i, about the length of a real one.\"}" >/dev/null
  done
  echo '{"threat":6,"drive":4,"soothe":3,"emotions":["anxious","calm"],"note":"A short note written during the load run."}' >"$OUT/body.json"
  printf 'wrk.method = "GET"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$reader" >"$OUT/read.lua"

  # Warm up both paths, then measure at a fixed 200 requests/s: 20 workers x 10 per second.
  hey -z 5s -c 10 -q 10 -m POST -T application/json -D "$OUT/body.json" -H "Authorization: Bearer $writer" "$BASE/api/v1/check-ins" >/dev/null
  hey -z 5s -c 10 -q 10 -H "Authorization: Bearer $reader" "$BASE/api/v1/check-ins" >/dev/null
  local write read live list
  write=$(hey -z "${RATE_SECONDS}s" -c 20 -q 10 -m POST -T application/json -D "$OUT/body.json" -H "Authorization: Bearer $writer" "$BASE/api/v1/check-ins" | hey_summary)
  read=$(hey -z "${RATE_SECONDS}s" -c 20 -q 10 -H "Authorization: Bearer $reader" "$BASE/api/v1/check-ins" | hey_summary)
  live=$(wrk -t2 -c32 -d"${SAT_SECONDS}s" "$BASE/health/live" | wrk_rps)
  list=$(wrk -t2 -c32 -d"${SAT_SECONDS}s" -s "$OUT/read.lua" "$BASE/api/v1/check-ins" | wrk_rps)
  local items
  items=$(curl -sf "$BASE/api/v1/check-ins" -H "authorization: Bearer $reader" | json '["items"].__len__()')
  stop_app
  read -r wp50 wp99 wrps wok wbad werr <<<"$write"
  read -r rp50 rp99 rrps rok rbad rerr <<<"$read"
  local share
  share=$(python3 -c "print('%.1f' % (100 * $list / $live))")
  printf '| %s | write | %s | %s | %s | %s | %s |\n' "$label" "$wp50" "$wp99" "$wrps" "$wok" "$((wbad + werr))" >>"$OUT/rate.md"
  printf '| %s | read (%s items) | %s | %s | %s | %s | %s |\n' "$label" "$items" "$rp50" "$rp99" "$rrps" "$rok" "$((rbad + rerr))" >>"$OUT/rate.md"
  printf '| %s | %s | %s | %s%% |\n' "$label" "$live" "$list" "$share" >>"$OUT/saturation.md"
}

rm -f "$OUT/rate.md" "$OUT/saturation.md"
mkdir -p "$OUT"
SQLITE_DIR=$(mktemp -d)
run_provider SQLite Sqlite "Data Source=$SQLITE_DIR/bench.db"
rm -rf "$SQLITE_DIR"
if [ -n "${PGHOST:-}" ]; then
  DB="innerally_bench_$$"
  psql -d postgres -qc "CREATE DATABASE $DB" >/dev/null
  # Loopback to a co-located server: no TLS (Debian enables it by default, and a remote database would want it).
  run_provider PostgreSQL Postgres "Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};Database=$DB;SSL Mode=${PGSSLMODE:-Disable}"
  psql -d postgres -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
fi

{
  echo "# Check-in API load run, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine
  echo
  echo "## At a fixed 200 requests/s (hey, 20 workers x 10/s, ${RATE_SECONDS}s after a 5s warm-up)"
  echo
  echo "| database | request | p50 ms | p99 ms | achieved req/s | 2xx | errors or non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  cat "$OUT/rate.md"
  echo
  echo "## At saturation (wrk -t2 -c32, ${SAT_SECONDS}s each)"
  echo
  echo "| database | /health/live req/s | GET /api/v1/check-ins (30 items) req/s | list as share of live |"
  echo "|---|---|---|---|"
  cat "$OUT/saturation.md"
} | tee "$RESULT"
echo "Wrote $RESULT"
