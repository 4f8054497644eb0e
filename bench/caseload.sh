#!/usr/bin/env bash
# The therapist's caseload (issue 17): a demo clinic whose therapist has 60 clients, each with a
# year of daily check-ins, 24 questionnaire responses and 200 practice sessions, all shared
# (seed-demo-clinic). At a fixed 20 requests/s (hey, 2 workers x 10/s, 30 s after a 5 s warm-up)
# it reports p50/p99 for GET /api/v1/caseload, the /caseload page and one client's page
# (/caseload/{id}) and its API, then the caseload API again (the first row also pays for the app's
# first minutes after start and seeding). Every request writes its rows to the access record, as in real
# use (60 for a caseload view, one for a client's). SQLite always; PostgreSQL too when PGHOST (and
# PGUSER, PGPASSWORD) name a server that may create databases. Results go to
# bench/results/<date>-<host>-caseload.md with the machine described.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
PORT=${INNERALLY_BENCH_PORT:-5604}
BASE="http://127.0.0.1:$PORT"
RATE_SECONDS=${INNERALLY_BENCH_RATE_SECONDS:-30}
CLIENTS=${INNERALLY_BENCH_CLIENTS:-60}
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-caseload.md"

for tool in hey curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/caseload.sh needs $tool (apt-get install hey curl python3)" >&2; exit 2; }
done

echo "Publishing the Release build..."
dotnet publish src/InnerAlly -c Release -o "$OUT/app" -v q --nologo >/dev/null
mkdir -p "$OUT"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

settings() { # $1 provider, $2 connection string
  export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Database__Provider="$1" ConnectionStrings__InnerAlly="$2" \
    RateLimits__SignInPermitLimit=1000 RateLimits__WritesPerMinute=1000000
}

start_app() {
  "$OUT/app/InnerAlly" --urls "$BASE" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 400); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.05; done
  echo "the app did not start; see $OUT/app.log" >&2; exit 1
}

stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

hey_summary() { # reads hey output on stdin: p50 p99 rps 2xx other
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
if "Error distribution:" in text:
    bad += sum(int(n) for n in re.findall(r"\[(\d+)\]\s", text.split("Error distribution:")[1]))
print("%.1f %.1f %.1f %d %d" % (pct(50), pct(99), float(rps.group(1)) if rps else 0, ok, bad))
'
}

machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r); $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- .NET: $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
  echo "- Load: hey (Debian), on the same cores as the server; load average before the run $(cut -d' ' -f1-3 /proc/loadavg)"
}

measure() { # $1 label, $2 what, $3 url, $4.. header args
  local label=$1 what=$2 url=$3
  shift 3
  hey -z 5s -c 2 -q 10 "$@" "$url" >/dev/null
  read -r p50 p99 rps ok bad <<<"$(hey -z "${RATE_SECONDS}s" -c 2 -q 10 "$@" "$url" | hey_summary)"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$what" "$p50" "$p99" "$rps" "$ok" "$bad" >>"$OUT/caseload.md"
}

run_provider() { # $1 label, $2 provider, $3 connection string
  local label=$1
  settings "$2" "$3"
  echo "Seeding $CLIENTS clients on $label..."
  local seeded=$SECONDS
  "$OUT/app/InnerAlly" seed-demo-clinic --clients "$CLIENTS" --days 365 --questionnaires 24 --practices 200 >"$OUT/seed.log" 2>&1
  echo "  seeded in $((SECONDS - seeded)) s"
  start_app
  local login token cookie id
  login='{"email":"therapist@innerally.local","password":"slow river under copper lanterns"}'
  token=$(curl -sf -X POST "$BASE/api/v1/account/login" -H 'content-type: application/json' -d "$login" | json '["accessToken"]')
  cookie=$(curl -sf -D - -o /dev/null -X POST "$BASE/api/v1/account/login?useCookies=true" -H 'content-type: application/json' -d "$login" \
    | awk 'tolower($1) == "set-cookie:" { sub(/;.*/, "", $2); printf "%s; ", $2 }')
  id=$(curl -sf "$BASE/api/v1/caseload" -H "Authorization: Bearer $token" | json '["clients"][0]["id"]')
  local count
  count=$(curl -sf "$BASE/api/v1/caseload" -H "Authorization: Bearer $token" | json '["clients"].__len__()')
  [ "$count" = "$CLIENTS" ] || { echo "the caseload holds $count clients, not $CLIENTS" >&2; exit 1; }
  measure "$label" "GET /api/v1/caseload ($CLIENTS clients)" "$BASE/api/v1/caseload" -H "Authorization: Bearer $token"
  measure "$label" "GET /caseload (page)" "$BASE/caseload" -H "Cookie: $cookie"
  measure "$label" "GET /api/v1/caseload/{id}" "$BASE/api/v1/caseload/$id" -H "Authorization: Bearer $token"
  measure "$label" "GET /caseload/{id} (page)" "$BASE/caseload/$id" -H "Cookie: $cookie"
  # The first row also pays for the app's first minutes (tiered JIT, the database's caches and, after
  # seeding, PostgreSQL's autovacuum): the same request again, once the app has run a while.
  measure "$label" "GET /api/v1/caseload, again after the others" "$BASE/api/v1/caseload" -H "Authorization: Bearer $token"
  stop_app
  "$OUT/app/InnerAlly" verify-care-audit | tee -a "$OUT/audit.txt"
}

rm -f "$OUT/caseload.md" "$OUT/audit.txt"
SQLITE_DIR=$(mktemp -d)
run_provider SQLite Sqlite "Data Source=$SQLITE_DIR/bench.db"
rm -rf "$SQLITE_DIR"
if [ -n "${PGHOST:-}" ]; then
  DB="innerally_caseload_$$"
  psql -d postgres -qc "CREATE DATABASE $DB" >/dev/null
  run_provider PostgreSQL Postgres "Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};Database=$DB;SSL Mode=${PGSSLMODE:-Disable}"
  psql -d postgres -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
fi

{
  echo "# Caseload run, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine
  echo
  echo "$CLIENTS clients, each with 365 days of check-ins, 24 questionnaire responses and 200 practice sessions, all shared."
  echo "Goal (issue 17): the caseload page and API p99 under 100 ms, one client's page under 150 ms, at 20 requests/s."
  echo
  echo "## At a fixed 20 requests/s (hey, 2 workers x 10/s, ${RATE_SECONDS}s after a 5s warm-up)"
  echo
  echo "| database | request | p50 ms | p99 ms | achieved req/s | 2xx | errors or non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  cat "$OUT/caseload.md"
  echo
  echo "Access record afterwards (verify-care-audit):"
  echo
  sed 's/^/    /' "$OUT/audit.txt"
} | tee "$RESULT"
echo "Wrote $RESULT"
