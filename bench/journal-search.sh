#!/usr/bin/env bash
# Journal search, which opens one person's sealed entries in memory (docs/journal-search.md),
# against the published Release build on 127.0.0.1.
#
#   bench/journal-search.sh [entries]      # SQLite; PostgreSQL too when PGHOST is set
#   PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=... bench/journal-search.sh
#
# One person writes [entries] journal entries (default 2,000: an entry a day for five years) of
# about 110 words through the API, so each is sealed as in real use. Then each search is timed
# seven times after one warm-up: two common words (a page of 50 found among the newest), a word in
# no entry and a single letter in no entry (both read the whole journal), and the plain list for
# comparison. Results go to bench/results/<date>-<host>-journal-search.md with the machine described.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
PORT=${INNERALLY_BENCH_PORT:-5603}
BASE="http://127.0.0.1:$PORT"
ENTRIES=${1:-2000}
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-journal-search.md"

for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/journal-search.sh needs $tool" >&2; exit 2; }
done

echo "Publishing the Release build..."
dotnet publish src/InnerAlly -c Release -o "$OUT/app" -v q --nologo >/dev/null
mkdir -p "$OUT"

start_app() { # $1 provider, $2 connection string
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider="$1" ConnectionStrings__InnerAlly="$2" RateLimits__WritesPerMinute=1000000 \
    "$OUT/app/InnerAlly" --urls "$BASE" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 200); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.05; done
  echo "the app did not start; see $OUT/app.log" >&2; exit 1
}

stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

run_provider() { # $1 label, $2 provider, $3 connection string
  start_app "$2" "$3"
  python3 - "$BASE" "$ENTRIES" "$1" >>"$OUT/search.md" <<'PY'
import http.client, json, random, statistics, sys, time, urllib.parse

base, entries, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)

def call(method, path, body=None, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} answered {response.status}: {data[:200]!r}")
    return json.loads(data) if data else None

email = f"search-{random.randrange(10**9)}@bench.local"
password = "bench marks run on quiet machines"
call("POST", "/api/v1/account/register", {"email": email, "password": password})
token = call("POST", "/api/v1/account/login", {"email": email, "password": password})["accessToken"]

# Everyday words without the letter x, so "x" and "xylophone" are in no entry.
words = ("today morning walk river rain tired work meeting friend kind slow breath calm worry "
         "sleep coffee garden tea mum phone call email train bus late early lunch quiet noisy "
         "felt thought noticed helped tried wanted needed remembered laughed sat read wrote "
         "small hard gentle warm cold long short good better heavy light busy still open "
         "because after before while when then again maybe perhaps really almost just also "
         "the a and to of in on with for at it was is my me I they we you that this").split()
common = ("river", "garden")
rng = random.Random(7)
texts = []
for i in range(entries):
    body = [rng.choice(words) for _ in range(110)]
    if i % 20 == 0:  # one entry in twenty holds both common words
        body[rng.randrange(110)] = common[0]
        body[rng.randrange(110)] = common[1]
    texts.append(" ".join(body).capitalize() + ".")

started = time.perf_counter()
for i, text in enumerate(texts):
    call("POST", "/api/v1/journal-entries", {"text": text, "tags": ["evenings"] if i % 3 == 0 else []}, token)
writing = time.perf_counter() - started

def matches(text, q):
    return all(w.lower() in text.lower() for w in q.split())

def opened(q, limit=50):
    """Entries read, newest first, until limit + 1 match (or the whole journal)."""
    found = 0
    for n, text in enumerate(reversed(texts), 1):
        if matches(text, q):
            found += 1
            if found == limit + 1:
                return n
    return len(texts)

def timed(method, path, body=None):
    call(method, path, body, token)  # warm-up
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        answer = call(method, path, body, token)
        runs.append((time.perf_counter() - t) * 1000)
    return answer, runs

cases = [
    (f"`q` = two common words ({' '.join(common)})", {"q": " ".join(common), "limit": 50}),
    ("`q` = a word in no entry (xylophone)", {"q": "xylophone", "limit": 50}),
    ("`q` = one letter in no entry (x)", {"q": "x", "limit": 50}),
]
for name, body in cases:
    answer, runs = timed("POST", "/api/v1/journal-entries/search", body)
    expected = sum(1 for t in texts if matches(t, body["q"]))
    assert len(answer["items"]) == min(50, expected), (name, len(answer["items"]), expected)
    print(f"| {label} | {name} | {len(answer['items'])} | {opened(body['q']):,} | {statistics.median(runs):.1f} | {max(runs):.1f} |")
answer, runs = timed("GET", "/api/v1/journal-entries?limit=50")
print(f"| {label} | plain list, no search (`GET ?limit=50`, paged in SQL) | {len(answer['items'])} | 51 | {statistics.median(runs):.1f} | {max(runs):.1f} |")
print(f"{label}: wrote {entries} entries in {writing:.0f} s ({writing / entries * 1000:.0f} ms each, with the language and risk checks)", file=sys.stderr)
PY
  stop_app
}

machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores), load average before the run: $LOAD"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r); $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- .NET: $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
}

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$OUT/search.md"
SQLITE_DIR=$(mktemp -d)
run_provider SQLite Sqlite "Data Source=$SQLITE_DIR/bench.db"
rm -rf "$SQLITE_DIR"
if [ -n "${PGHOST:-}" ]; then
  DB="innerally_search_$$"
  psql -d postgres -qc "CREATE DATABASE $DB" >/dev/null
  run_provider PostgreSQL Postgres "Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};Database=$DB;SSL Mode=${PGSSLMODE:-Disable}"
  psql -d postgres -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
fi

{
  echo "# Journal search run, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine
  echo
  echo "One person, $ENTRIES entries of about 110 words, written through the API. Each request timed"
  echo "seven times after a warm-up, on one keep-alive connection (\`POST /api/v1/journal-entries/search\`, limit 50)."
  echo
  echo "| database | request | found | entries opened | median ms | slowest ms |"
  echo "|---|---|---:|---:|---:|---:|"
  cat "$OUT/search.md"
} | tee "$RESULT"
echo "Wrote $RESULT"
