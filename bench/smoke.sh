#!/usr/bin/env bash
# Runs every benchmark as written, at a tiny size and for a second or two each, so that none can break unseen:
# the in-process ones through their exec executions in pom.xml, the HTTP ones through their scripts. The figures mean
# nothing; a benchmark that fails to start, is refused (401, 403) or answers errors fails the smoke.
# Usage: bench/smoke.sh (after ./mvnw verify, as .ci/run does). Needs wrk and psql (Debian packages wrk and
# postgresql-client). Ports: HTTP $BENCH_HTTP_PORT (18093), PostgreSQL $BENCH_PG_PORT (54353).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18093}
export BENCH_PG_PORT=${BENCH_PG_PORT:-54353}
# The HTTP benchmarks start the platform with a demo: a small private sector is enough to have a clinic to call from.
export BENCH_OPTIONS="--amo.demo.private-sector-share=0.005 ${BENCH_OPTIONS:-}"
logs=target/bench-smoke
rm -rf "$logs"
mkdir -p "$logs"
# The jar ./mvnw verify has just built, unless a source is newer.
jar=$(ls target/amo-platform-*.jar 2> /dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -q package -DskipTests
  jar=$(ls target/amo-platform-*.jar | head -n 1)
fi
BENCH_JAR=$jar
export BENCH_JAR
failed=()

# run <name> <check> <command...>: runs the command, then the check (an extended regular expression) must match
# its output and no error must show.
run() {
  local name=$1 check=$2
  shift 2
  local started=$SECONDS
  if "$@" > "$logs/$name.log" 2>&1 && grep -qE "$check" "$logs/$name.log" \
      && ! grep -qE "Non-2xx or 3xx responses|Socket errors: connect [1-9]|APPLICATION FAILED|status\":\"FAILED" "$logs/$name.log"; then
    echo "smoke $name: ok ($((SECONDS - started)) s)"
  else
    echo "smoke $name: FAILED ($((SECONDS - started)) s), the end of $logs/$name.log:"
    tail -n 40 "$logs/$name.log"
    failed+=("$name")
  fi
}

# The HTTP benchmarks' ports must be free again before the next one starts its platform.
wait_for_ports() {
  for _ in $(seq 1 60); do
    if ! (exec 3<> "/dev/tcp/localhost/$BENCH_HTTP_PORT") 2> /dev/null \
        && ! (exec 3<> "/dev/tcp/localhost/$BENCH_PG_PORT") 2> /dev/null; then
      return 0
    fi
    sleep 1
  done
}

run quote "QuoteBenchmark\.[A-Za-z]+ +thrpt" \
  ./mvnw -q test-compile exec:exec@quote-benchmark -Dbenchmark.warmups=0 -Dbenchmark.iterations=1 -Dbenchmark.time=1s
run declaration "payment statement" \
  ./mvnw -q test-compile exec:exec@declaration-benchmark -Dbenchmark.members=300
run claims "adjudication of the received queue" \
  ./mvnw -q test-compile exec:exec@claim-benchmark -Dbenchmark.persons=1000 -Dbenchmark.claims=300 -Dbenchmark.submitted=100
run payments "pain.002.001.10 imported" \
  ./mvnw -q test-compile exec:exec@payment-benchmark -Dbenchmark.payees=1000
run import-vs-copy "platform at [0-9]+ % of plain COPY" bench/import-vs-copy.sh 2000
wait_for_ports
run targeting "re-targeting: [0-9]+ households/s" bench/targeting.sh 4000
wait_for_ports
run eligibility "Requests/sec" bench/eligibility.sh 1000 1
wait_for_ports
BENCH_OPTIONS="$BENCH_OPTIONS --amo.demo.persons=1000" run directory-search "Requests/sec" bench/directory-search.sh 1
wait_for_ports
run claim-submission "Requests/sec" bench/claim-submission.sh 1000 1 2
wait_for_ports
run approval-requests "Requests/sec" bench/approval-requests.sh 1000 1
wait_for_ports
run fhir-export "Coverage: [0-9]+ lines" bench/fhir-export.sh 1000
wait_for_ports
run fhir-eligibility "Requests/sec" bench/fhir-eligibility.sh 1000 1
wait_for_ports
run fhir-claims "entries answered: 200 OK: 200$" bench/fhir-claims.sh 1000 1 1
wait_for_ports
BENCH_REPEAT=1 run reporting "GET /indicateurs \(the dashboard" bench/reporting.sh 1000 1000
wait_for_ports

rm -rf target/bench-import target/bench-eligibility-1000 target/bench-directory target/bench-claims-1000 \
  target/bench-approvals-1000 target/bench-reporting-1000 target/bench-export-1000 target/bench-fhir-1000 target/claim-benchmark target/payment-benchmark target/declaration-benchmark target/bench-quote-postgres
if [ ${#failed[@]} -gt 0 ]; then
  echo "benchmark smoke failed: ${failed[*]}"
  exit 1
fi
echo "benchmark smoke: every benchmark ran"
