#!/usr/bin/env bash
# Single-claim submission latency over HTTP on a database of N demo persons (default 100,000): a clinic's information
# system (client credentials, bearer token) posts invoices in tiers payant (consultations, medicines), each with its
# own idempotency key, at a fixed concurrency on the same machine (load generator included in the 2 cores); first submission only, then submission
# with adjudication at once (?adjudicate=true).
# Usage: bench/claim-submission.sh [persons] [seconds] [connections]. Needs wrk and psql (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-100000}
seconds=${2:-30}
connections=${3:-4}
work=target/bench-claims-$persons
port=${BENCH_PG_PORT:-54359}
http_port=${BENCH_HTTP_PORT:-18082}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
psql -h localhost -p $port -U postgres -q -c "vacuum analyze"
psql -h localhost -p $port -U postgres -At -c "
  select m.idcs from member m join enrolment e on e.member_id = m.id
  where e.end_date is null and e.regime <> 'ACHAMIL' order by random() limit 20000" > "$work/patients.txt"
psql -h localhost -p $port -U postgres -At -c "
  select inpe from professional where profession in ('GENERAL_PRACTITIONER', 'SPECIALIST') order by random() limit 2000" > "$work/doctors.txt"
# The submitter is a clinic's information system with its bearer token.
. bench/token.sh
cat > "$work/claims.lua" <<LUA
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
local function lines(file)
  local values = {}
  for line in io.lines(file) do values[#values + 1] = line end
  return values
end
local patients, doctors, counter, run
function init(args)
  patients = lines("$work/patients.txt")
  doctors = lines("$work/doctors.txt")
  counter = 0
  run = tostring(os.time())
  math.randomseed(os.time() + tid)
end
local sheet = '{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"2026-10-%02d","filedOn":"2026-10-28",'
  .. '"executingInpe":"%s","establishmentInpe":"$clinic","referral":true,"attachments":[{"type":"PRESCRIPTION","fileName":"ordonnance.pdf","pages":1}],"lines":[%s]}'
function request()
  counter = counter + 1
  local body_lines = '{"actCode":"C","billed":80}'
  if math.random() >= 0.6 then
    body_lines = '{"medicineCode":"6118000010050","quantity":1,"billed":53.60},'
      .. '{"medicineCode":"6118000010159","quantity":2,"billed":64.00}'
  end
  local body = string.format(sheet, patients[math.random(#patients)], math.random(1, 27), doctors[math.random(#doctors)],
    body_lines)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $token",
    ["Idempotency-Key"] = "wrk-" .. run .. "-" .. tid .. "-" .. counter }, body)
end
LUA
wrk -t2 -c"$connections" -d10s -s "$work/claims.lua" "$base/api/v1/claims" > /dev/null
echo "== submission"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/claims.lua" "$base/api/v1/claims"
echo "== submission with adjudication at once"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/claims.lua" "$base/api/v1/claims?adjudicate=true"
psql -h localhost -p $port -U postgres -At -c "select status, count(*) from claim group by status order by 1"
