#!/usr/bin/env bash
# Eligibility through FHIR: POST /fhir/CoverageEligibilityRequest/$submit (a Parameters body per request, the patient
# drawn from a sample of the demo's persons, the bearer token of a clinic's information system), measured with wrk at
# a fixed concurrency on the same machine (load generator included in the 2 cores); in the same run and on the same
# persons, the REST path GET /api/v1/eligibility and the database's ceiling (pgbench running the platform's very
# cover-file query, src/main/resources/ma/amo/enrolment/rights/cover-file.sql, at the same concurrency).
# Usage: bench/fhir-eligibility.sh [persons] [seconds]. Needs wrk, psql and pgbench (Debian packages wrk,
# postgresql-client).
# Environment (all optional):
#   BENCH_HTTP_PORT, BENCH_PG_PORT   ports of the platform and of its embedded PostgreSQL (default 18084, 54354)
#   BENCH_CONNECTIONS                the concurrencies measured (default "8")
#   BENCH_WARMUP                     seconds of warm-up of the FHIR path, half of it for REST (default 10)
#   BENCH_JAR, BENCH_JAVA_OPTS       see bench/serve.sh
# The data directory target/bench-fhir-N is shared with bench/fhir-claims.sh and kept between runs.
# Each wrk run also prints the CPU per answer of the platform's JVM and of PostgreSQL's processes (utime + stime from
# /proc over the run, wrk apart): on a shared machine it stays readable when requests/s do not.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-100000}
seconds=${2:-30}
work=target/bench-fhir-$persons
port=${BENCH_PG_PORT:-54354}
http_port=${BENCH_HTTP_PORT:-18084}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
sql() { psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
sql -At -c "select idcs from person tablesample bernoulli(5) repeatable (2026) limit 20000" > "$work/idcs.txt"
sql -c "drop table if exists bench_idcs" \
  -c "create unlogged table bench_idcs (n int generated always as identity primary key, idcs text not null)" \
  -c "\\copy bench_idcs (idcs) from '$work/idcs.txt'" -c "analyze bench_idcs"
count=$(wc -l < "$work/idcs.txt")
{
  echo "\\set n random(1, $count)"
  grep -v '^--' src/main/resources/ma/amo/enrolment/rights/cover-file.sql \
    | sed 's/?::text/(select idcs from bench_idcs where n = :n)/'
  echo ";"
} > "$work/cover-file.pgbench"
. bench/token.sh
# The same persons in the same order for both paths; the FHIR body is the one of the README's example.
cat > "$work/fhir-eligibility.lua" <<LUA
local ids = {}
for line in io.lines("$work/idcs.txt") do ids[#ids + 1] = line end
local i = 0
local headers = { ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/fhir+json",
  ["Accept"] = "application/fhir+json" }
local body = '{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{'
  .. '"resourceType":"CoverageEligibilityRequest","status":"active","purpose":["validation"],'
  .. '"patient":{"reference":"Patient/%s"},"servicedDate":"2026-06-01","created":"2026-06-01",'
  .. '"insurer":{"display":"AMO"}}}]}'
request = function()
  i = i + 1
  return wrk.format("POST", "/fhir/CoverageEligibilityRequest/\$submit", headers,
    string.format(body, ids[(i % #ids) + 1]))
end
LUA
cat > "$work/rest-eligibility.lua" <<LUA
local ids = {}
for line in io.lines("$work/idcs.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/eligibility?idcs=" .. ids[(i % #ids) + 1] .. "&date=2026-06-01",
    { ["Authorization"] = "Bearer $token" })
end
LUA
# CPU ticks (utime + stime) of the JVM and of every process of the embedded PostgreSQL (the postmaster and its children).
ticks() {
  local pids="$1" total=0
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }') ))
  done
  echo $total
}
postgres_pids() {
  local postmaster
  postmaster=$(head -n 1 "$work/postgres/postmaster.pid")
  echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
}
# The same, of the threads that serve requests alone (Tomcat's http-nio threads and the carriers of the virtual
# threads requests run on, "ForkJoinPool-1-": Linux cuts thread names to 15 characters): without the JIT, GC and
# background tasks, whose fixed cost per second would weigh on each answer when the machine is so busy that few are
# served.
request_ticks() {
  local total=0 task
  for task in /proc/$app/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      http-nio*|ForkJoinPool-1-*) total=$(( total + $(sed -E 's/^.*\) //' "$task/stat" | awk '{ print $12 + $13 }') )) ;;
    esac
  done
  echo $total
}
hz=$(getconf CLK_TCK)
# wrk with the CPU per answer of the JVM and of PostgreSQL over the run.
measured() {
  local pg jvm0 pg0 req0 out
  pg=$(postgres_pids)
  jvm0=$(ticks $app); pg0=$(ticks "$pg"); req0=$(request_ticks)
  out=$(wrk "$@")
  echo "$out"
  echo "$out" | awk -v jvm=$(( $(ticks $app) - jvm0 )) -v pg=$(( $(ticks "$pg") - pg0 )) \
    -v req=$(( $(request_ticks) - req0 )) -v hz="$hz" '
    /requests in/ { n = $1 }
    END { if (n > 0) printf "CPU per answer: JVM %.3f ms (request threads %.3f ms), PostgreSQL %.3f ms (%d answers)\n",
      jvm * 1000 / hz / n, req * 1000 / hz / n, pg * 1000 / hz / n, n }'
}
# Warm-up of both paths (the JIT, the connection pool, the database's cache): BENCH_WARMUP seconds for FHIR, half
# for REST; on a loaded machine the JIT needs far more than the default 10 s before a figure is the steady state's.
warmup=${BENCH_WARMUP:-10}
wrk -t1 -c8 -d"${warmup}s" -s "$work/fhir-eligibility.lua" "$base" > /dev/null
wrk -t1 -c8 -d"$(( (warmup + 1) / 2 ))s" -s "$work/rest-eligibility.lua" "$base" > /dev/null
for connections in ${BENCH_CONNECTIONS:-8}; do
  echo "== platform: POST /fhir/CoverageEligibilityRequest/\$submit, $connections connections, ${seconds} s"
  measured -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/fhir-eligibility.lua" "$base"
  echo "== platform: GET /api/v1/eligibility, $connections connections, ${seconds} s"
  measured -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/rest-eligibility.lua" "$base"
  echo "== database ceiling: pgbench, the cover-file query, $connections clients, ${seconds} s"
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -h localhost -p "$port" -U postgres -n -M prepared -j 1 -c "$connections" -T "$seconds" \
    -l -f cover-file.pgbench postgres 2>&1 | grep -E "^(latency average|tps|number of failed)")
  cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    printf "pgbench latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.9)] / 1000,
      v[int(NR * 0.99)] / 1000 }'
done
# One answer shown, so that a refusal cannot pass for a fast answer.
curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/fhir+json' \
  "$base/fhir/CoverageEligibilityRequest/\$submit" -d "$(printf '{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{"resourceType":"CoverageEligibilityRequest","status":"active","purpose":["validation"],"patient":{"reference":"Patient/%s"},"servicedDate":"2026-06-01","created":"2026-06-01","insurer":{"display":"AMO"}}}]}' "$(head -n 1 "$work/idcs.txt")")" \
  | head -c 400; echo
