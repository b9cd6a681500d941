#!/usr/bin/env bash
# Imports an RNP extract of N persons through the platform (upload, validation, COPY into staging, whole-file checks,
# merge) and loads the same file with a plain psql \copy into a table of the same shape; prints both and the ratio.
# Usage: bench/import-vs-copy.sh [persons]   (default 1000000). Needs psql (Debian package postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
work=target/bench-import
port=${BENCH_PG_PORT:-54339}
http_port=${BENCH_HTTP_PORT:-18080}
base=http://localhost:$http_port
# Register imports are the administrator's.
admin="admin:${AMO_ADMIN_PASSWORD:-admin-change-me-now}"
mkdir -p "$work"
if [ -z "${BENCH_JAR:-}" ]; then
  ./mvnw -q package -DskipTests
fi
jar=${BENCH_JAR:-$(ls target/amo-platform-*.jar | head -n 1)}
. bench/jdk.sh
rnp="$work/rnp-$persons.csv"
if [ ! -f "$rnp" ]; then
  "$java_bin" -jar "$jar" generate-population "$persons" "$work"
fi
rm -rf "$work/postgres"
"$java_bin" -Xmx512m -jar "$jar" --amo.demo.enabled=false --server.port="$http_port" \
  --amo.embedded-postgres.data-directory="$work/postgres" --amo.embedded-postgres.port=$port \
  --amo.population.import-directory="$work/imports" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -sf "$base/actuator/health" > /dev/null; do sleep 0.5; done

job=$(curl -sf -u "$admin" -F "file=@$rnp" "$base/api/v1/import-jobs?kind=RNP" | sed -E 's/.*"id":([0-9]+).*/\1/')
while :; do
  state=$(curl -sf -u "$admin" "$base/api/v1/import-jobs/$job")
  case "$state" in *'"status":"COMPLETED"'*|*'"status":"FAILED"'*) break ;; esac
  sleep 0.5
done
echo "platform import: $state"
platform_ms=$(psql -h localhost -p $port -U postgres -At -c \
  "select round(extract(epoch from finished_at - started_at) * 1000) from import_job where id = $job")
heap=$("$(dirname "$java_bin")/jcmd" $app GC.heap_info 2>/dev/null | sed -n 2p || true)

psql -h localhost -p $port -U postgres -q -c "drop table if exists person_copy; create table person_copy (like person including all)"
copy_start=$(date +%s%N)
psql -h localhost -p $port -U postgres -q -c "\\copy person_copy (idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date, sex, commune, province, region, death_date) from '$rnp' with (format csv, header true)"
copy_ms=$(( ($(date +%s%N) - copy_start) / 1000000 ))
rows=$(psql -h localhost -p $port -U postgres -At -c "select count(*) from person_copy")
echo "rows: $rows; platform import: ${platform_ms} ms; plain psql \\copy: ${copy_ms} ms"
awk -v p="$platform_ms" -v c="$copy_ms" -v n="$rows" 'BEGIN {
  printf "platform %.0f rows/s, psql \\copy %.0f rows/s, platform at %.0f %% of plain COPY throughput\n", n/(p/1000), n/(c/1000), 100*c/p }'
echo "the platform ran with -Xmx512m; heap after the import: $heap"
