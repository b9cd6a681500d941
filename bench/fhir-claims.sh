#!/usr/bin/env bash
# Claims through FHIR: batch Bundles of 200 entries POST Claim/$submit (institutional invoices of a clinic of the
# demo: a consultation, or two medicines, for a patient with open rights, a doctor of the directory as the primary
# practitioner), posted to POST /fhir by several concurrent clients with the clinic's bearer token; each claim is
# adjudicated and stored. Reports claims/s (counted in the database after the run: claims of the run stored and no
# longer received, i.e. adjudicated), the CPU time the platform's JVM and PostgreSQL spent per claim (what a shared
# machine's load moves least), and the latency of a Bundle (p50, p90, p99, max). The Bundles are generated
# before the clock starts, seeded by the run's name (the same claims for the same name and demo), each claim numbered in the clinic's
# namespace with the run's own prefix, so that every run stores new claims.
# Usage: bench/fhir-claims.sh [persons] [bundles] [clients]. Needs psql and python3 (its standard library only).
# Environment (all optional): BENCH_HTTP_PORT, BENCH_PG_PORT (default 18084, 54354), BENCH_JAR, BENCH_JAVA_OPTS (see
# bench/serve.sh), BENCH_RUN (the prefix of the claims' identifiers, default the time of day).
# The data directory target/bench-fhir-N is shared with bench/fhir-eligibility.sh and kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-100000}
bundles=${2:-40}
clients=${3:-4}
work=target/bench-fhir-$persons
port=${BENCH_PG_PORT:-54354}
http_port=${BENCH_HTTP_PORT:-18084}
run=${BENCH_RUN:-R$(date +%H%M%S)}
. bench/serve.sh --amo.demo.persons="$persons"
if grep -q "Empty register" "$work/app.log"; then
  until grep -qE "Demo contributions: |APPLICATION FAILED|Exception" "$work/app.log"; do sleep 2; done
fi
sql() { psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -At "$@"; }
sql -c "select setseed(0.2026)" -c "
  select m.idcs from member m join enrolment e on e.member_id = m.id
  where e.end_date is null and e.regime <> 'ACHAMIL' order by m.idcs limit 20000" > "$work/patients.txt"
sql -c "
  select inpe from professional where profession in ('GENERAL_PRACTITIONER', 'SPECIALIST') order by inpe limit 2000" \
  > "$work/doctors.txt"
. bench/token.sh
export work base token clinic run bundles clients
# CPU time of the platform's JVM and of PostgreSQL (the server and its backends, ended ones included) in clock ticks:
# on a shared machine the claims/s move with the others' load, the CPU spent per claim much less.
postmaster=$(head -n 1 "$work/postgres/postmaster.pid")
ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(sed -E 's/^.*\) //' "/proc/$p/stat" | awk '{ print $12 + $13 + $14 + $15 }')))
  done
  echo "$total"
}
jvm_before=$(ticks "$app")
pg_before=$(ticks "$postmaster" $(pgrep -P "$postmaster" || true))
python3 - <<'PY'
import http.client, json, os, random, statistics, threading, time, urllib.parse

work, base, token, clinic, run = (os.environ[k] for k in ("work", "base", "token", "clinic", "run"))
bundles, clients = int(os.environ["bundles"]), int(os.environ["clients"])
patients = open(f"{work}/patients.txt").read().split()
doctors = open(f"{work}/doctors.txt").read().split()
rng = random.Random(run)  # reproducible for a run name, and another run gets other claims (no duplicates of it)

def claim(n):
    patient, doctor, day = rng.choice(patients), rng.choice(doctors), rng.randint(1, 27)
    if rng.random() < 0.6:
        items = [{"sequence": 1, "productOrService": {"coding": [{"system": "https://fhir.amo.ma/CodeSystem/acts", "code": "C"}]},
                  "net": {"value": 80.00, "currency": "MAD"}}]
    else:
        items = [{"sequence": 1, "productOrService": {"coding": [{"system": "https://fhir.amo.ma/CodeSystem/medicines", "code": "6118000010050"}]},
                  "quantity": {"value": 1}, "net": {"value": 53.60, "currency": "MAD"}},
                 {"sequence": 2, "productOrService": {"coding": [{"system": "https://fhir.amo.ma/CodeSystem/medicines", "code": "6118000010159"}]},
                  "quantity": {"value": 2}, "net": {"value": 64.00, "currency": "MAD"}}]
    return {"resourceType": "Claim",
            "identifier": [{"system": f"https://fhir.amo.ma/sid/inpe/{clinic}/claims", "value": f"BENCH-{run}-{n}"}],
            "status": "active",
            "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "institutional"}]},
            "use": "claim", "patient": {"reference": f"Patient/{patient}"}, "created": "2026-10-28",
            "provider": {"reference": f"Organization/{clinic}"}, "priority": {"coding": [{"code": "normal"}]},
            "billablePeriod": {"start": f"2026-10-{day:02d}"},
            "careTeam": [{"sequence": 1, "provider": {"reference": f"Practitioner/{doctor}"},
                          "role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claimcareteamrole", "code": "primary"}]}}],
            "insurance": [{"sequence": 1, "focal": True, "coverage": {"reference": f"Coverage/{patient}"}}],
            "item": items}

bodies = []
for b in range(bundles):
    entries = [{"resource": claim(b * 200 + i), "request": {"method": "POST", "url": "Claim/$submit"}} for i in range(200)]
    bodies.append(json.dumps({"resourceType": "Bundle", "type": "batch", "entry": entries}).encode())
print(f"{bundles} Bundles of 200 claims generated ({sum(map(len, bodies)) // bundles // 1024} KiB each)")

url = urllib.parse.urlparse(base)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/fhir+json", "Accept": "application/fhir+json"}
latencies, statuses, lock, queue = [], {}, threading.Lock(), list(range(bundles))

def client():
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    while True:
        with lock:
            if not queue:
                return
            body = bodies[queue.pop(0)]
        started = time.perf_counter()
        connection.request("POST", "/fhir", body, headers)
        response = connection.getresponse()
        answer = response.read()
        elapsed = time.perf_counter() - started
        counted = {}
        if response.status == 200:
            for entry in json.loads(answer)["entry"]:
                status = entry["response"]["status"]
                counted[status] = counted.get(status, 0) + 1
        else:
            counted[f"Bundle {response.status}"] = 1
        with lock:
            latencies.append(elapsed)
            for k, v in counted.items():
                statuses[k] = statuses.get(k, 0) + v

started = time.perf_counter()
threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - started
latencies.sort()
pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000
print(f"== {bundles} Bundles of 200 claims, {clients} clients: {elapsed:.1f} s, {bundles * 200 / elapsed:.0f} claims/s answered")
print(f"Bundle latency p50 {pick(0.5):.0f} ms, p90 {pick(0.9):.0f} ms, p99 {pick(0.99):.0f} ms, max {latencies[-1] * 1000:.0f} ms")
print("entries answered:", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
with open(f"{work}/fhir-claims-elapsed", "w") as f:
    f.write(f"{elapsed}\n")
PY
elapsed=$(cat "$work/fhir-claims-elapsed")
jvm_ticks=$(( $(ticks "$app") - jvm_before ))
pg_ticks=$(( $(ticks "$postmaster" $(pgrep -P "$postmaster" || true)) - pg_before ))
echo "== stored by this run, by status"
sql -c "select status, count(*) from claim where idempotency_key like '%:BENCH-$run-%' group by status order by 1"
decided=$(sql -c "select count(*) from claim where idempotency_key like '%:BENCH-$run-%' and status <> 'RECEIVED'")
echo "claims adjudicated and stored: $decided, $(awk -v n="$decided" -v s="$elapsed" 'BEGIN { printf "%.0f", n / s }') claims/s"
hz=$(getconf CLK_TCK)
awk -v j="$jvm_ticks" -v p="$pg_ticks" -v hz="$hz" -v n="$((bundles * 200))" -v s="$elapsed" 'BEGIN {
  printf "CPU per claim answered: platform JVM %.2f ms, PostgreSQL %.2f ms (%.1f + %.1f CPU s in %.1f s)\n",
    j * 1000 / hz / n, p * 1000 / hz / n, j / hz, p / hz, s }'
