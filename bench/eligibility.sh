#!/usr/bin/env bash
# Eligibility throughput and latency over HTTP on a database of N demo persons (default 1,000,000), with wrk at a
# fixed concurrency on the same machine (load generator included in the 2 cores).
# Usage: bench/eligibility.sh [persons] [seconds]: runs wrk at 4, 8 and 16 connections. Needs wrk and psql (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
seconds=${2:-30}
work=target/bench-eligibility-$persons
port=54349
http_port=18081
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  # The demo's last step is its month of contributions: measure once it is done.
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
grep -E "Demo population loaded" "$work/app.log" || true
# Let autovacuum's work on freshly loaded tables not be measured as request latency.
psql -h localhost -p $port -U postgres -q -c "vacuum analyze"
psql -h localhost -p $port -U postgres -At -c "select idcs from person tablesample bernoulli(5) limit 20000" > "$work/idcs.txt"
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
for connections in 4 8 16; do
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/eligibility.lua" "$base"
done
curl -s -H "Authorization: Bearer $token" "$base/api/v1/eligibility?idcs=$(head -n 1 "$work/idcs.txt")&date=2026-06-01"; echo
