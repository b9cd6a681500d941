#!/usr/bin/env bash
# Directory search latency over HTTP on the full establishment list (3,344 public establishments and the generated
# private sector), with wrk at 4 connections on the same machine. Typo'd and accent-free names on purpose.
# Usage: bench/directory-search.sh [seconds]. Needs wrk and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
work=target/bench-directory
port=${BENCH_PG_PORT:-54359}
http_port=${BENCH_HTTP_PORT:-18082}
. bench/serve.sh
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Private sector: |APPLICATION FAILED" "$work/app.log"; do sleep 1; done
fi
. bench/token.sh
cat > "$work/search.lua" <<LUA
local names = { "hopital moulay yousef", "centre de sante urbain", "clinique ibn rochd", "pharmacie alaoui",
  "hopital provincial", "laboratoire bennani", "dispensaire rural", "hopital regional agadir", "csu hay mohammadi",
  "centre de radiologie" }
local i = 0
request = function()
  i = i + 1
  local name = names[(i % #names) + 1]:gsub(" ", "%%20")
  return wrk.format("GET", "/api/v1/providers/establishments?size=20&name=" .. name, { ["Authorization"] = "Bearer $token" })
end
LUA
wrk -t1 -c4 -d5s -s "$work/search.lua" "$base" > /dev/null
wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/search.lua" "$base"
curl -s -H "Authorization: Bearer $token" "$base/api/v1/providers/establishments?size=1" | grep -o '"totalElements":[0-9]*'
