#!/usr/bin/env bash
# The whole test suite: every project on SQLite and, at the same time, the projects that touch the
# database again on PostgreSQL when INNERALLY_TEST_POSTGRES names a server login that may create databases.
# The browser suite and the language tests run once, on SQLite (the README's database): the HTTP
# suite already runs every request against both providers, and the language engine has no
# database at all. Each run writes TRX reports; the totals printed last are summed from those
# reports, not from the console, so a run that crashed or reported nothing counts as a failure.
#
#   ./test.sh                         SQLite only
#   INNERALLY_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=..." ./test.sh
#
# Extra arguments go to every `dotnet test` run (for example --filter-class 'InnerAlly.Tests.Data.*').
# INNERALLY_TEST_RESULTS moves the reports (default TestResults/suite); INNERALLY_TEST_TIMEOUT
# bounds each run (default 20m); INNERALLY_TEST_NO_BUILD=1 skips the build (.ci/run has just built).
set -uo pipefail

cd "$(dirname "$0")"
root=$PWD
results=${INNERALLY_TEST_RESULTS:-$root/TestResults/suite}
timeout=${INNERALLY_TEST_TIMEOUT:-20m}
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

crashed=0
mapfile -t projects < <(grep -o 'tests/[^"]*\.csproj' InnerAlly.slnx | xargs -n1 basename | sed 's/\.csproj$//')
# The projects run again on PostgreSQL: those whose tests go through the database.
postgres_projects=(InnerAlly.Tests)
runs=(sqlite)
if [[ -n "${INNERALLY_TEST_POSTGRES:-}" ]]; then
  runs+=(postgres)
fi

# The browser suite needs Debian's chromium (never `playwright install`): installed here when we
# may (as root with apt-get, as .ci/run does), else one clear line, and the other suites still run.
echo "== browser"
if [[ -x /usr/bin/chromium ]]; then
  echo "chromium is installed"
elif [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null \
  && apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium > /dev/null; then
  echo "installed chromium"
else
  echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium', then ./test.sh again."
fi

echo "== build"
if [[ "${INNERALLY_TEST_NO_BUILD:-}" == 1 ]]; then
  echo "skipped (INNERALLY_TEST_NO_BUILD=1)"
elif ! dotnet build InnerAlly.slnx --nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed; no tests ran."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One run per database. The runs go side by side: the browser suite mostly waits on the browser
# and the server, so the PostgreSQL run uses the cores it leaves idle. Each run's console output
# is kept in its folder and shown once it is done, so the two do not interleave.
run_tests() {
  local run=$1 dir=$results/$1 target=()
  if [[ $run == sqlite ]]; then
    target=(--solution InnerAlly.slnx)
  else
    for project in "${postgres_projects[@]}"; do
      target+=(--project "tests/$project/$project.csproj")
    done
  fi
  mkdir -p "$dir"
  INNERALLY_TEST_DATABASE=$run dotnet test "${target[@]}" --no-build --no-ansi --no-progress \
    --report-trx --results-directory "$dir" --timeout "$timeout" "${@:2}" > "$dir/console.log" 2>&1
  echo $? > "$dir/exit-code"
}

echo "== tests on ${runs[*]} ($(date -u +%H:%M:%S))"
for run in "${runs[@]}"; do
  run_tests "$run" "$@" &
done
wait

for run in "${runs[@]}"; do
  dir=$results/$run
  echo "== tests on $run"
  cat "$dir/console.log"
  if [[ $run == sqlite ]]; then
    expected=("${projects[@]}")
  else
    expected=("${postgres_projects[@]}")
  fi
  code=$(cat "$dir/exit-code" 2>/dev/null || echo "none")
  if [[ $code != 0 ]]; then
    echo "dotnet test on $run exited with $code."
    # Failed tests alone give exit code 2; anything else means the run itself went wrong.
    if [[ $code != 2 ]]; then
      crashed=1
    fi
  fi
  # Every test project of the run must report, or one that could not start would pass unnoticed.
  for project in "${expected[@]}"; do
    if ! compgen -G "$dir/${project}_*.trx" > /dev/null; then
      echo "$project wrote no TRX report on $run: it did not run, or crashed before reporting."
      crashed=1
    fi
  done
done

# Sum <Counters .../> over every report. Skipped tests are counted as notExecuted in TRX;
# errors, time-outs and aborts count as failures.
passed=0 failed=0 skipped=0 total=0
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$2"; }
shopt -s nullglob
for trx in "$results"/*/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  if [[ -z "$counters" ]]; then
    echo "$trx has no <Counters>: the run did not finish."
    crashed=1
    continue
  fi
  t=$(attr total "$counters") p=$(attr passed "$counters") f=$(attr failed "$counters")
  e=$(attr error "$counters") o=$(attr timeout "$counters") a=$(attr aborted "$counters")
  n=$(attr notExecuted "$counters")
  echo "${trx#"$root"/}: total $t, passed $p, failed $f, error $e, timeout $o, aborted $a, skipped $n"
  total=$((total + t))
  passed=$((passed + p))
  failed=$((failed + f + e + o + a))
  skipped=$((skipped + n))
done

if [[ $total -eq 0 ]]; then
  echo "No test results were found."
  crashed=1
elif [[ $((passed + failed + skipped)) -ne $total ]]; then
  echo "The reports count $total tests but only $((passed + failed + skipped)) outcomes."
  crashed=1
fi

# The names of the tests that did not pass, and the first line of why, so that the end of the log
# (often all a CI reader sees) says which test to look at.
for trx in "$results"/*/*.trx; do
  command -v python3 > /dev/null || break
  python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns)
        first = message.strip().splitlines()[0][:300] if message.strip() else ""
        print(f"not passed: {result.get('testName')} ({result.get('outcome')}): {first}")
PY
done

status=0
if [[ $failed -gt 0 || $crashed -ne 0 ]]; then
  status=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
