#!/usr/bin/env bash
# Prior approval requests over HTTP on a database of N demo persons (default 20,000): a clinic's information system
# (client credentials, bearer token) asks in its own name for approvals of surgery, childbirth stays, physiotherapy
# and speech-therapy series, for members with an open enrolment and care starting 3 to 30 days ahead, each request
# with its own idempotency key; wrk at each concurrency on the same machine (load generator included in the 2
# cores). Each request is checked, pre-checked (the patient's rights on the first day of care, the estimate through
# the quote), stored with the first step of its history, and audited. Beside each wrk run, the database's own
# ceiling: pgbench runs the two inserts of a request (the request and its first history step, in one transaction) at
# the same concurrency and for the same seconds, into copies of the two tables (same columns, indexes, constraints and
# foreign key, made afresh for each run), with the values of a request the platform stored.
# Usage: bench/approval-requests.sh [persons] [seconds]. Needs wrk, psql and pgbench (Debian packages wrk,
# postgresql-client).
# Environment (all optional):
#   BENCH_HTTP_PORT, BENCH_PG_PORT   ports of the platform and of its embedded PostgreSQL (default 18084, 54379)
#   BENCH_CONNECTIONS                the concurrencies measured (default "4 8")
#   BENCH_JAR, BENCH_JAVA_OPTS       see bench/serve.sh
# The data directory target/bench-approvals-N is kept between runs: remove it to measure a demo just loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-20000}
seconds=${2:-30}
work=target/bench-approvals-$persons
port=${BENCH_PG_PORT:-54379}
http_port=${BENCH_HTTP_PORT:-18084}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  # The demo's last step is its month of contributions: measure once it is done.
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
sql() {
  PGOPTIONS="-c client_min_messages=warning" psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"
}
sql -At -c "
  select m.idcs from member m join enrolment e on e.member_id = m.id
  where e.end_date is null and e.regime <> 'ACHAMIL' order by random() limit 20000" > "$work/patients.txt"
# The same patients for pgbench, numbered, in a table of the benchmark's database only.
sql -c "drop table if exists bench_patients" \
  -c "create unlogged table bench_patients (n int generated always as identity primary key, idcs text not null)" \
  -c "\\copy bench_patients (idcs) from '$work/patients.txt'" -c "analyze bench_patients"
count=$(wc -l < "$work/patients.txt")
# Asked by a clinic's information system with its bearer token, in the clinic's name ($clinic).
. bench/token.sh
cat > "$work/approvals.lua" <<LUA
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
local patients, counter, run
-- The argument after -- names the wrk run, so that no two runs send the same idempotency key.
function init(args)
  patients = {}
  for line in io.lines("$work/patients.txt") do patients[#patients + 1] = line end
  counter = 0
  run = args[1] .. "-" .. os.time() .. "-" .. tid
  math.randomseed(os.time() + tid)
end
local cares = {
  '"careType":"SURGERY","lines":[{"actCode":"APPENDICECTOMIE","billed":3000}]',
  '"careType":"SURGERY","lines":[{"actCode":"HERNIE","billed":3500}]',
  '"careType":"HOSPITAL_STAY","stayDays":3,"lines":[{"actCode":"ACCOUCHEMENT","billed":4000}]',
  '"careType":"PHYSIOTHERAPY","sessions":10,"lines":[{"actCode":"AMM","billed":50}]',
  '"careType":"SPEECH_THERAPY","sessions":8,"lines":[{"actCode":"AMO","billed":50}]'
}
local body = '{"patientIdcs":"%s","establishmentInpe":"$clinic","expectedStart":"%s",%s,'
  .. '"medicalNote":"Indication posée en consultation, compte rendu joint",'
  .. '"attachments":[{"type":"MEDICAL_REPORT","fileName":"compte-rendu.pdf","pages":2}]}'
function request()
  counter = counter + 1
  local start = os.date("%Y-%m-%d", os.time() + 86400 * math.random(3, 30))
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token",
    ["Idempotency-Key"] = "wrk-" .. run .. "-" .. counter },
    string.format(body, patients[math.random(#patients)], start, cares[math.random(#cares)]))
end
LUA
wrk -t1 -c8 -d10s -s "$work/approvals.lua" "$base/api/v1/prior-approvals" -- warm-up > /dev/null
# The pgbench transaction: the request's row with the values of the last one the platform stored (its encrypted
# note, pre-check and estimate, kept in a one-row table: pgbench would read the colons of these texts as its
# variables), for a patient drawn among the same ones, under a new key, and its first history step.
sql -c "drop table if exists bench_request" \
  -c "create unlogged table bench_request as select * from prior_approval where idempotency_key like 'wrk-%'
        order by id desc limit 1"
cat > "$work/request.pgbench" <<SQL
\\set n random(1, $count)
begin;
with request as (
  insert into bench_prior_approval (reference, filed_by, idempotency_key, request_hash, establishment_inpe,
    patient_idcs, care_type, expected_start, stay_days, sessions_requested, protocol, lines, attachments,
    medical_note, renews, regime, payer_body, pre_check, estimate_billed, estimate_covered, status, received_at, due_at)
  select 'PGB-' || nextval('prior_approval_number'), filed_by, gen_random_uuid()::text, request_hash,
    establishment_inpe, (select idcs from bench_patients where n = :n), care_type, current_date + 7, stay_days,
    sessions_requested, protocol, lines, attachments, medical_note, renews, regime, payer_body, pre_check,
    estimate_billed, estimate_covered, 'PENDING', localtimestamp, localtimestamp + interval '2 days'
  from bench_request
  on conflict (establishment_inpe, idempotency_key) do nothing
  returning id, filed_by)
insert into bench_prior_approval_step (approval_id, at, action, status, actor)
  select id, localtimestamp, 'REQUEST', 'PENDING', filed_by from request;
commit;
SQL
for connections in ${BENCH_CONNECTIONS:-4 8}; do
  echo "== platform: POST /api/v1/prior-approvals, $connections connections, ${seconds} s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/approvals.lua" "$base/api/v1/prior-approvals" \
    -- "c$connections"
  echo "== database ceiling: pgbench, the two inserts of a request, $connections clients, ${seconds} s"
  sql -c "drop table if exists bench_prior_approval_step, bench_prior_approval" \
    -c "create table bench_prior_approval (like prior_approval including all)" \
    -c "create table bench_prior_approval_step (like prior_approval_step including all,
          foreign key (approval_id) references bench_prior_approval (id))"
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -h localhost -p "$port" -U postgres -n -M prepared -j 1 -c "$connections" -T "$seconds" \
    -l -f request.pgbench postgres 2>&1 | grep -E "^(latency average|tps|number of failed)|error|abort")
  # Latency percentiles from pgbench's log of every transaction (third field: microseconds).
  cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    printf "pgbench latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.9)] / 1000,
      v[int(NR * 0.99)] / 1000 }'
done
sql -c "drop table if exists bench_prior_approval_step, bench_prior_approval, bench_request"
sql -c "select status, count(*) from prior_approval group by status order by 1"
