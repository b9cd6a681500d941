#!/usr/bin/env bash
# Eligibility throughput and latency over HTTP on a database of N demo persons (default 1,000,000), with wrk at a
# fixed concurrency on the same machine (load generator included in the 2 cores), and beside each wrk run the
# database's own ceiling: pgbench runs the very cover-file query of the platform (one per answer,
# src/main/resources/ma/amo/enrolment/rights/cover-file.sql) at the same concurrency, same data, same seconds.
# Usage: bench/eligibility.sh [persons] [seconds]. Needs wrk, psql and pgbench (Debian packages wrk, postgresql-client).
# Environment (all optional):
#   BENCH_HTTP_PORT, BENCH_PG_PORT   ports of the platform and of its embedded PostgreSQL (default 18081, 54349)
#   BENCH_CONNECTIONS                the concurrencies measured (default "4 8 16")
#   BENCH_VACUUM=1                   run a manual "vacuum analyze" before measuring (the script's former step; the
#                                    platform refreshes planner statistics itself after its bulk loads)
#   BENCH_JAR, BENCH_JAVA_OPTS       see bench/serve.sh
# The data directory target/bench-eligibility-N is kept between runs: remove it to measure a demo just loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
seconds=${2:-30}
work=target/bench-eligibility-$persons
port=${BENCH_PG_PORT:-54349}
http_port=${BENCH_HTTP_PORT:-18081}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  # The demo's last step is its month of contributions: measure once it is done.
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
grep -E "Demo population loaded|Demo contributions" "$work/app.log" || true
sql() { psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
if [ "${BENCH_VACUUM:-0}" = 1 ]; then
  sql -c "vacuum analyze"
fi
sql -At -c "select idcs from person tablesample bernoulli(5) repeatable (2026) limit 20000" > "$work/idcs.txt"
# The same persons for pgbench, numbered, in a table of the benchmark's database only.
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
# Asked by a clinic's information system with its bearer token, as hospitals do.
. bench/token.sh
cat > "$work/eligibility.lua" <<LUA
local ids = {}
for line in io.lines("$work/idcs.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/eligibility?idcs=" .. ids[(i % #ids) + 1] .. "&date=2026-06-01",
    { ["Authorization"] = "Bearer $token" })
end
LUA
wrk -t1 -c8 -d10s -s "$work/eligibility.lua" "$base" > /dev/null
for connections in ${BENCH_CONNECTIONS:-4 8 16}; do
  echo "== platform: GET /api/v1/eligibility, $connections connections, ${seconds} s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/eligibility.lua" "$base"
  echo "== database ceiling: pgbench, the cover-file query, $connections clients, ${seconds} s"
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -h localhost -p "$port" -U postgres -n -M prepared -j 1 -c "$connections" -T "$seconds" \
    -l -f cover-file.pgbench postgres 2>&1 | grep -E "^(latency average|tps|number of failed)")
  # Latency percentiles from pgbench's log of every transaction (third field: microseconds).
  cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    printf "pgbench latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.9)] / 1000,
      v[int(NR * 0.99)] / 1000 }'
done
curl -s -H "Authorization: Bearer $token" "$base/api/v1/eligibility?idcs=$(head -n 1 "$work/idcs.txt")&date=2026-06-01"; echo
