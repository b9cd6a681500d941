#!/usr/bin/env bash
# Directory search latency over HTTP on the full establishment list (3,344 public establishments and the generated
# private sector), with wrk at 4 connections on the same machine. Typo'd and accent-free names on purpose.
# Usage: bench/directory-search.sh [seconds]. Needs wrk and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
work=target/bench-directory
mkdir -p "$work"
./mvnw -q package -DskipTests
jar=$(ls target/amo-platform-*.jar | head -n 1)
. bench/jdk.sh
"$java_bin" -Xmx512m -jar "$jar" --server.port=18082 --amo.embedded-postgres.data-directory="$work/postgres" \
  --amo.embedded-postgres.port=54359 --amo.population.import-directory="$work/imports" \
  --amo.security.rate-limit.enabled=false > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -sf localhost:18082/actuator/health > /dev/null; do sleep 0.5; done
sleep 2
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Private sector: |APPLICATION FAILED" "$work/app.log"; do sleep 1; done
fi
base=http://localhost:18082
port=54359
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
wrk -t1 -c4 -d5s -s "$work/search.lua" http://localhost:18082 > /dev/null
wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/search.lua" http://localhost:18082
curl -s -H "Authorization: Bearer $token" "localhost:18082/api/v1/providers/establishments?size=1" | grep -o '"totalElements":[0-9]*'
