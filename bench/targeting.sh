#!/usr/bin/env bash
# Tadamon targeting at the size of the registers: imports a generated population (RNP and RSU extracts), writes the
# Interior ministry's household file of every household (oldest member HEAD, the next adult SPOUSE, the others CHILD),
# imports it through the platform and waits for its targeting pass (every household registered with its family links
# or rejected); then imports a new RSU extract in which one household in ten crosses the threshold and waits for the
# re-targeting pass. Each file is also loaded with a plain psql \copy into a table of the same shape: the ceiling.
# Prints, for each step, its time, its rate and the platform's heap.
# Usage: bench/targeting.sh [persons]   (default 5800000: the generated RSU then holds about 1,000,000 households of
# about 4 million persons). Needs psql (postgresql-client).
# Ports: HTTP $BENCH_HTTP_PORT (18093), PostgreSQL $BENCH_PG_PORT (54363).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-5800000}
work=target/bench-targeting
port=${BENCH_PG_PORT:-54363}
http_port=${BENCH_HTTP_PORT:-18093}
base=http://localhost:$http_port
admin="admin:${AMO_ADMIN_PASSWORD:-admin-change-me-now}"
heap_max=${BENCH_HEAP:-1g}
mkdir -p "$work"
if [ -z "${BENCH_JAR:-}" ]; then
  ./mvnw -q package -DskipTests
fi
jar=${BENCH_JAR:-$(ls target/amo-platform-*.jar | head -n 1)}
. bench/jdk.sh
if [ ! -f "$work/rnp-$persons.csv" ]; then
  "$java_bin" -jar "$jar" generate-population "$persons" "$work"
fi
rm -rf "$work/postgres"
"$java_bin" -Xmx$heap_max -jar "$jar" --amo.demo.enabled=false --server.port="$http_port" \
  --amo.embedded-postgres.data-directory="$work/postgres" --amo.embedded-postgres.port=$port \
  --amo.population.import-directory="$work/imports" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -sf "$base/actuator/health" > /dev/null; do sleep 0.5; done
sql() { psql -h localhost -p $port -U postgres -At -c "$1"; }
heap() { "$(dirname "$java_bin")/jcmd" $app GC.heap_info 2>/dev/null | sed -n 2p | sed -E 's/^ +//' || true; }

# load_file <kind> <file>: uploads the file, waits for its job and, for households and RSU, for its targeting pass.
load_file() {
  local kind=$1 file=$2 job state
  job=$(curl -sf -u "$admin" -F "file=@$file" "$base/api/v1/import-jobs?kind=$kind" | sed -E 's/.*"id":([0-9]+).*/\1/')
  while :; do
    state=$(sql "select status from import_job where id = $job")
    case "$state" in COMPLETED|FAILED) break ;; esac
    sleep 0.5
  done
  [ "$state" = COMPLETED ] || { echo "$kind import failed: $(sql "select message from import_job where id = $job")"; exit 1; }
  if [ "$kind" != RNP ]; then
    until [ "$(sql "select status from targeting_run where import_job_id = $job and status <> 'RUNNING'")" != "" ]; do sleep 0.5; done
  fi
  echo "$job"
}

# ceiling <table> <columns> <file>: a plain psql \copy of the same file into a table of those columns; prints its ms.
ceiling() {
  sql "drop table if exists copy_ceiling; create table copy_ceiling as select $2 from $1 with no data" > /dev/null
  local start=$(date +%s%N)
  psql -h localhost -p $port -U postgres -q -c "\\copy copy_ceiling ($2) from '$3' with (format csv, header true)"
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

load_file RNP "$work/rnp-$persons.csv" > /dev/null
load_file RSU "$work/rsu-$persons.csv" > /dev/null
echo "population: $(sql "select count(*) from person") persons, $(sql "select count(distinct household_id) from rsu_score") households"

# The Interior ministry's file: every household of the RSU, applied a month ago, members by age.
households="$work/households-$persons.csv"
sql "copy (select household_id, idcs, case when n = 1 then 'HEAD' when n = 2 and age(birth_date) >= interval '18 years' then 'SPOUSE' else 'CHILD' end, current_date - 30
  from (select s.household_id, p.idcs, p.birth_date, row_number() over (partition by s.household_id order by p.birth_date, p.idcs) n
        from (select distinct on (idcs) idcs, household_id from rsu_score order by idcs, score_date desc) s join person p using (idcs)) m
  order by household_id, n) to stdout with (format csv)" | sed '1i household_id,idcs,relation,applied_on' > "$households"
rows=$(( $(wc -l < "$households") - 1 ))
job=$(load_file HOUSEHOLD "$households")
read -r import_ms target_ms registered rejected <<< "$(sql "select round(extract(epoch from j.finished_at - j.started_at) * 1000),
  round(extract(epoch from r.finished_at - r.started_at) * 1000), r.registered, r.rejected
  from import_job j join targeting_run r on r.import_job_id = j.id where j.id = $job" | tr '|' ' ')"
heap_after_file=$(heap)
copy_ms=$(ceiling household_member "household_id, idcs, relation, applied_on" "$households")
n=$(sql "select count(distinct household_id) from household_member")
echo "household file: $rows rows, $n households; import ${import_ms} ms, targeting pass ${target_ms} ms ($registered registered, $rejected rejected); plain psql \\copy ${copy_ms} ms"
awk -v i="$import_ms" -v t="$target_ms" -v c="$copy_ms" -v r="$rows" -v h="$n" 'BEGIN {
  printf "household file: %.0f households/s end to end (%.0f rows/s), import alone at %.0f %% of plain COPY throughput\n", h/((i+t)/1000), r/((i+t)/1000), 100*c/i }'
echo "answers: $(sql "select string_agg(outcome || ' ' || reason_code || ' ' || n, ', ' order by n desc) from (select outcome, reason_code, count(*) n from household_decision group by 1, 2) d")"
grep -o 'Targeting run [0-9]* (TADAMON_HOUSEHOLD_FILE).*' "$work/app.log" | tail -n 1
echo "heap after the household file: $heap_after_file"

# A new RSU extract dated yesterday: every member's score again, one household in ten moved across the threshold.
rsu="$work/rsu-crossing-$persons.csv"
sql "copy (select s.household_id, s.idcs, case when abs(hashtext(s.household_id)) % 10 = 0
      then case when s.score < 9.3264284 then 12.0 else 5.0 end else s.score end, current_date - 1
  from (select distinct on (idcs) idcs, household_id, score from rsu_score order by idcs, score_date desc) s) to stdout with (format csv)" \
  | sed '1i household_id,idcs,score,score_date' > "$rsu"
rows=$(( $(wc -l < "$rsu") - 1 ))
job=$(load_file RSU "$rsu")
read -r import_ms target_ms registered left <<< "$(sql "select round(extract(epoch from j.finished_at - j.started_at) * 1000),
  round(extract(epoch from r.finished_at - r.started_at) * 1000), r.registered, r.left_tadamon
  from import_job j join targeting_run r on r.import_job_id = j.id where j.id = $job" | tr '|' ' ')"
heap_after_rsu=$(heap)
copy_ms=$(ceiling rsu_score "household_id, idcs, score, score_date" "$rsu")
echo "RSU extract: $rows rows; import ${import_ms} ms, re-targeting pass over $n households ${target_ms} ms ($registered entered, $left left Tadamon); plain psql \\copy ${copy_ms} ms"
awk -v t="$target_ms" -v h="$n" -v i="$import_ms" -v c="$copy_ms" -v r="$rows" 'BEGIN {
  printf "re-targeting: %.0f households/s; RSU import %.0f rows/s, at %.0f %% of plain COPY throughput\n", h/(t/1000), r/(i/1000), 100*c/i }'
grep -o 'Targeting run [0-9]* (RSU_RETARGETING).*' "$work/app.log" | tail -n 1
echo "heap after the RSU extract: $heap_after_rsu (the platform ran with -Xmx$heap_max)"
