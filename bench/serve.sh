# Sourced by the HTTP benchmarks: packages the jar and starts it on $http_port with its embedded PostgreSQL on $port
# and its files in $work, the rate limit off (one wrk client would be throttled), any further options given as
# arguments (and in $BENCH_OPTIONS); waits until it serves and sets $base. The platform stops when the benchmark exits.
mkdir -p "$work"
# BENCH_JAR: a jar already built (bench/smoke.sh builds it once for every benchmark).
if [ -z "${BENCH_JAR:-}" ]; then
  ./mvnw -q package -DskipTests
fi
jar=${BENCH_JAR:-$(ls target/amo-platform-*.jar | head -n 1)}
. bench/jdk.sh
started=$(date +%s%N)
"$java_bin" -Xmx512m -jar "$jar" --server.port="$http_port" \
  --amo.embedded-postgres.data-directory="$work/postgres" --amo.embedded-postgres.port="$port" \
  --amo.population.import-directory="$work/imports" --logging.level.ma.amo=info \
  --amo.security.rate-limit.enabled=false ${BENCH_OPTIONS:-} "$@" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
base=http://localhost:$http_port
until curl -sf "$base/actuator/health" > /dev/null; do sleep 0.2; done
echo "serving after $(( ($(date +%s%N) - started) / 1000000 )) ms"
sleep 2
