#!/usr/bin/env bash
# The language engine's speed and memory, on the published Release build.
#
#   bench/language.sh
#
# 1. Throughput on one core: `taskset -c 0 InnerAlly analyze` over 2,000 texts of 30 words
#    (JSON Lines in, JSON Lines out, the engine's own batching), minus the time the same
#    command takes for one text (process start and model load), in texts per second.
# 2. Resident memory: the peak RSS of those runs (/usr/bin/time), which is the whole process:
#    .NET, ONNX Runtime, the MiniLM model and the heads.
# 3. POST /api/v1/analysis: p50/p95/p99 for a signed-in person sending 30-word texts, one at a
#    time (hey -c 1) and four at a time (hey -c 4), after a warm-up.
# Results go to bench/results/<date>-<host>-language.md with the machine described.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/language"
PORT=${INNERALLY_BENCH_PORT:-5602}
BASE="http://127.0.0.1:$PORT"
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-language.md"
mkdir -p "$OUT"

for tool in hey curl python3 taskset /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/language.sh needs $tool (apt-get install hey curl python3 time util-linux)" >&2; exit 2; }
done

echo "Publishing the Release build..."
dotnet publish src/InnerAlly -c Release -o "$OUT/app" -v q --nologo >/dev/null

# 30-word texts of the kind people write: a situation and a thought, some kind, some harsh.
python3 - "$OUT" <<'PY'
import json, sys, itertools
parts = [
    "The meeting ran late again and my manager looked annoyed when I asked a question,",
    "so I spent the whole bus ride home going over every word I said.",
    "I cooked dinner for the kids, we watched a film together, and for once",
    "the house felt calm and I let myself rest without checking my phone.",
    "I forgot my friend's birthday and I keep telling myself I'm a useless friend",
    "who ruins everything, even though she said it really didn't matter to her.",
    "Walked by the river after my shift, the light on the water was lovely",
    "and I noticed my shoulders drop a little for the first time today.",
]
texts = []
for a, b in itertools.product(range(0, 8, 2), range(1, 8, 2)):
    words = (parts[a] + " " + parts[b]).split()
    texts.append(" ".join((words * 2)[:30]))
with open(sys.argv[1] + "/texts.jsonl", "w") as f:
    for i in range(2000):
        f.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
with open(sys.argv[1] + "/one.jsonl", "w") as f:
    f.write(json.dumps({"id": 0, "text": texts[0]}) + "\n")
json.dump({"text": texts[2]}, open(sys.argv[1] + "/body.json", "w"))
PY

timed() { # $1 input file -> "seconds peak_rss_kb cpu_seconds"
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" taskset -c 0 "$OUT/app/InnerAlly" analyze <"$1" >"$OUT/results.jsonl" 2>"$OUT/analyze.log"
  read -r wall kb user sys <"$OUT/time.txt"
  echo "$wall $kb $(python3 -c "print('%.2f' % ($user + $sys))")"
}

# Other work on the machine skews every figure below; the result says how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "One core: load, then 2,000 texts..."
read -r one_s one_kb one_cpu <<<"$(timed "$OUT/one.jsonl")"
read -r all_s all_kb all_cpu <<<"$(timed "$OUT/texts.jsonl")"
lines=$(wc -l <"$OUT/results.jsonl")
throughput=$(python3 -c "print('%.0f' % (2000 / max(0.001, $all_s - $one_s)))")
# On a shared machine the process waits for the core; its own CPU time says what the core did for it.
cpu_throughput=$(python3 -c "print('%.0f' % (2000 / max(0.001, $all_cpu - $one_cpu)))")

echo "API latency..."
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
Database__Provider=Sqlite ConnectionStrings__InnerAlly="Data Source=$OUT/bench.db" \
RateLimits__SignInPermitLimit=1000 RateLimits__AnalysisPerMinute=100000 \
  "$OUT/app/InnerAlly" --urls "$BASE" >"$OUT/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; rm -f "$OUT/bench.db"*' EXIT
for _ in $(seq 1 200); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.05; done
curl -sf "$BASE/health" >/dev/null || { echo "the app did not start; see $OUT/app.log" >&2; exit 1; }
email="analysis-$RANDOM$RANDOM@bench.local"
curl -sf -X POST "$BASE/api/v1/account/register" -H 'content-type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench marks run on quiet machines\"}" >/dev/null
token=$(curl -sf -X POST "$BASE/api/v1/account/login" -H 'content-type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench marks run on quiet machines\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
hey -n 200 -c 2 -m POST -T application/json -D "$OUT/body.json" -H "Authorization: Bearer $token" "$BASE/api/v1/analysis" >/dev/null
pcts() {
  python3 -c '
import re, sys
t = sys.stdin.read()
def p(n):
    m = re.search(r"\s%s%%+ in ([0-9.]+) secs" % n, t)
    return "%.1f" % (float(m.group(1)) * 1000) if m else "?"
codes = re.findall(r"\[(\d{3})\]\s+(\d+) responses", t)
rps = re.search(r"Requests/sec:\s+([0-9.]+)", t)
print(p(50), p(95), p(99), rps.group(1) if rps else "?", ",".join("%s x%s" % c for c in codes))
'
}
read -r s50 s95 s99 srps scodes <<<"$(hey -n 1000 -c 1 -m POST -T application/json -D "$OUT/body.json" -H "Authorization: Bearer $token" "$BASE/api/v1/analysis" | pcts)"
read -r c50 c95 c99 crps ccodes <<<"$(hey -n 2000 -c 4 -m POST -T application/json -D "$OUT/body.json" -H "Authorization: Bearer $token" "$BASE/api/v1/analysis" | pcts)"
server_kb=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")

{
  echo "# Language engine benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r); $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- Load average (1, 5, 15 min) when the run began: $load_before; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- .NET: $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'); Release build (ReadyToRun)"
  echo
  echo "## One core (taskset -c 0), \`InnerAlly analyze\`, 30-word texts"
  echo
  echo "| run | wall time | CPU time (user + system) | peak RSS |"
  echo "|---|---:|---:|---:|"
  echo "| 1 text (start-up and model load) | ${one_s} s | ${one_cpu} s | $((one_kb / 1024)) MB |"
  echo "| 2,000 texts ($lines lines out) | ${all_s} s | ${all_cpu} s | $((all_kb / 1024)) MB |"
  echo
  echo "Throughput: **$throughput texts/s** on one core (2,000 / (2,000-text time - 1-text time)); by the process's own CPU time, $cpu_throughput texts/s. Under load the second is the fairer figure, and both are lower bounds: the other work also shares the core's caches."
  echo
  echo "## POST /api/v1/analysis, 30-word text, SQLite, both cores shared with hey"
  echo
  echo "| concurrency | p50 | p95 | p99 | requests/s | responses |"
  echo "|---|---:|---:|---:|---:|---|"
  echo "| 1 | $s50 ms | $s95 ms | $s99 ms | $srps | $scodes |"
  echo "| 4 | $c50 ms | $c95 ms | $c99 ms | $crps | $ccodes |"
  echo
  echo "Server peak RSS after the API runs (VmHWM): $((server_kb / 1024)) MB (the whole web app with the engine loaded)."
} >"$RESULT"
cat "$RESULT"
