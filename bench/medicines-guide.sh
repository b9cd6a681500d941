#!/usr/bin/env bash
# The public medicines guide over HTTP: the sample referential (1,525 medicines of the CNOPS list) published by an
# administrator and a regulator, then wrk at 4 connections searching parts of names and DCIs, and the plan of one
# search. Usage: bench/medicines-guide.sh [seconds]. Needs wrk and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
work=target/bench-medicines
port=${BENCH_PG_PORT:-54361}
http_port=${BENCH_HTTP_PORT:-18084}
. bench/serve.sh
admin="admin:${AMO_ADMIN_PASSWORD:-admin-change-me-now}"
curl -s -u "$admin" -H 'Content-Type: application/json' \
  -d '{"username":"bench-regulator","password":"a-long-bench-password","role":"REGULATOR"}' "$base/api/v1/users" > /dev/null
version=$(curl -s -u "$admin" -F "file=@src/test/resources/referentials/medicines-referential-sample.csv" \
  "$base/api/v1/tariffs/medicines/referentials?effectiveFrom=2000-01-01" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
curl -s -u bench-regulator:a-long-bench-password -H 'Content-Type: application/json' -d '{}' \
  "$base/api/v1/tariffs/medicines/referentials/$version/publication" > /dev/null
psql -h localhost -p "$port" -U postgres -q -c "analyze medicine"
cat > "$work/guide.lua" <<LUA
local queries = { "name=amox", "name=doli", "dci=paracetamol", "name=clamox", "dci=ibupro&form=comprime",
  "name=vent", "dci=metformine", "name=augm", "therapeuticClass=antibio", "dci=omepra" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/public/medicines?size=20&" .. queries[(i % #queries) + 1])
end
LUA
wrk -t1 -c4 -d5s -s "$work/guide.lua" "$base" > /dev/null
wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/guide.lua" "$base"
curl -s "$base/api/v1/public/medicines?size=1&name=amox" | grep -o '"totalElements":[0-9]*'
psql -h localhost -p "$port" -U postgres -c "explain analyze select code from medicine
  where referential_id = $version and folded(name) like '%' || folded('amox') || '%' order by name, code limit 20"
