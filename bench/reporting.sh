#!/usr/bin/env bash
# The indicators dashboard on N demo persons (default 1,000,000): starts the platform with its demo population, adds
# a year of care in proportion with SQL (bench/reporting-data.sql: one claim per person by default, their lines,
# reasons and weekly payment batches, Tadamon and Achamil decisions, complaints, prior approvals), computes the
# indicators once (the background computation, timed per indicator), then times the answers the readers wait for:
# the dashboard page /indicateurs and each indicator's JSON and CSV, each asked $BENCH_REPEAT times (default 10),
# median and worst reported.
# Usage: bench/reporting.sh [persons] [claims]. Needs psql and curl (Debian package postgresql-client).
# Environment: BENCH_HTTP_PORT, BENCH_PG_PORT (default 18094, 54354), BENCH_JAR, BENCH_JAVA_OPTS (see bench/serve.sh).
# The data directory target/bench-reporting-N is kept between runs (the care is generated once): remove it to start anew.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
claims=${2:-$persons}
repeat=${BENCH_REPEAT:-10}
work=target/bench-reporting-$persons
port=${BENCH_PG_PORT:-54354}
http_port=${BENCH_HTTP_PORT:-18094}
# The indicators are computed when the script asks, not by the platform's schedule in the middle of a measure.
. bench/serve.sh --amo.demo.persons="$persons" --amo.reporting.first-refresh-delay=PT100000H
until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
grep -E "Demo population loaded|Demo contributions" "$work/app.log" || true
sql() { psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
if [ "$(sql -At -c "select count(*) from claim where submitter = 'bench-reporting'")" = 0 ]; then
  started=$(date +%s%N)
  sed "s/{claims}/$claims/g" bench/reporting-data.sql | sql
  echo "care generated in $(( ($(date +%s%N) - started) / 1000000 )) ms"
fi
sql -At -F ' ' -c "select 'persons', count(*) from person" -c "select 'members', count(*) from member" \
  -c "select 'claims', count(*) from claim" -c "select 'claim lines', count(*) from claim_line" \
  -c "select 'paid claims', count(*) from payment_batch_claim" -c "select 'payment batches', count(*) from payment_batch"
admin=(-u "admin:${AMO_ADMIN_PASSWORD:-admin-change-me-now}")
echo "== computation of every indicator (background, once per 15 minutes), ms per indicator"
started=$(date +%s%N)
curl -sf "${admin[@]}" -X POST "$base/api/v1/indicators/refresh"; echo
echo "total $(( ($(date +%s%N) - started) / 1000000 )) ms"
sql -At -c "select count(*) || ' cells' from reporting_figure"
# time <label> <path>: asks the path $repeat times, prints the median and the worst time in ms.
time_it() {
  local label=$1 path=$2 times=()
  curl -sf "${admin[@]}" -o /dev/null "$base$path"
  for _ in $(seq 1 "$repeat"); do
    times+=("$(curl -sf "${admin[@]}" -o /dev/null -w '%{time_total}' "$base$path")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{ v[NR] = $1 * 1000 } END {
    printf "%-48s median %7.1f ms   worst %7.1f ms\n", label, v[int((NR + 1) / 2)], v[NR] }'
}
echo "== answers, $repeat times each"
time_it "GET /indicateurs (the dashboard, all charts)" "/indicateurs"
time_it "GET /indicateurs?organisme=CNSS" "/indicateurs?organisme=CNSS"
for code in $(curl -sf "${admin[@]}" "$base/api/v1/indicators" | grep -oE '"code":"[a-z0-9-]+"' | cut -d'"' -f4); do
  time_it "GET /api/v1/indicators/$code" "/api/v1/indicators/$code"
  time_it "GET /indicateurs/$code.csv" "/indicateurs/$code.csv"
done
curl -sf "${admin[@]}" "$base/indicateurs/dossiers-par-mois.csv" | head -n 4
