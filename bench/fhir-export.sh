#!/usr/bin/env bash
# The beneficiary feed: FHIR Bulk Data $export of Patient and Coverage on a demo of N persons (default 100,000),
# downloaded by a clinic's information system with its bearer token. Reports per file the lines, bytes, seconds and
# lines/s, and the JVM heap: after a full GC before the export, the highest heap in use sampled every 0.2 s while the
# files stream (jstat), and after a full GC at the end. The files are streamed from the database, never held: the
# peak must not grow with N (compare a run at 10,000 with one at 100,000; BENCH_JAVA_OPTS=-Xmx256m proves it too).
# Usage: bench/fhir-export.sh [persons]. Needs curl and psql (Debian packages curl, postgresql-client).
# Environment (all optional): BENCH_HTTP_PORT, BENCH_PG_PORT (default 18083, 54353); BENCH_JAR, BENCH_JAVA_OPTS (see
# bench/serve.sh). The data directory target/bench-export-N is kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-100000}
work=target/bench-export-$persons
port=${BENCH_PG_PORT:-54353}
http_port=${BENCH_HTTP_PORT:-18083}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
grep -E "Demo population loaded|Demo contributions" "$work/app.log" || true
. bench/token.sh
jdk_bin=$(dirname "$java_bin")
heap() { "$jdk_bin/jcmd" "$app" GC.run > /dev/null; "$jdk_bin/jstat" -gc "$app" | awk 'NR == 2 { printf "%.1f", ($3 + $4 + $6 + $8) / 1024 }'; }
echo "heap in use before, after a full GC: $(heap) MB"
location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Prefer: respond-async' \
  "$base/fhir/\$export" | tr -d '\r' | sed -n 's/^Content-Location: //Ip')
manifest=$(curl -sf -H "Authorization: Bearer $token" "$location")
echo "manifest: $manifest"
# Heap sampled while the files stream (jstat alone in the background, so that its id is the one stopped).
"$jdk_bin/jstat" -gc "$app" 200 > "$work/heap.txt" &
sampler=$!
for type in Patient Coverage; do
  url=$(echo "$manifest" | sed -E "s/.*\"type\":\"$type\",\"url\":\"([^\"]+)\".*/\1/; s/.*\"url\":\"([^\"]+)\",\"type\":\"$type\".*/\1/")
  started=$(date +%s%N)
  curl -sf -H "Authorization: Bearer $token" "$url" -o "$work/$type.ndjson"
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  lines=$(wc -l < "$work/$type.ndjson")
  bytes=$(wc -c < "$work/$type.ndjson")
  echo "$type: $lines lines, $bytes bytes in $ms ms: $(( lines * 1000 / (ms > 0 ? ms : 1) )) lines/s"
done
kill "$sampler" 2> /dev/null || true
wait "$sampler" 2> /dev/null || true
peak=$(awk '$3 ~ /^[0-9.]+$/ { used = ($3 + $4 + $6 + $8) / 1024; if (used > max) max = used } END { printf "%.1f", max }' "$work/heap.txt")
echo "heap in use while streaming, highest sample (garbage not yet collected included): $peak MB"
echo "heap in use after, after a full GC: $(heap) MB"
rm -f "$work/Patient.ndjson" "$work/Coverage.ndjson"
