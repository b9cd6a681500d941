# Sourced by the HTTP benchmarks: packages the jar and starts it on $http_port with its embedded PostgreSQL on $port
# and its files in $work, the rate limit off (one wrk client would be throttled), any further options given as
# arguments (and in $BENCH_OPTIONS); waits until it serves and sets $base and $app (the platform's process). The
# platform stops when the benchmark exits. The demo's year of care is not generated: it would run beside the load
# being measured (a benchmark that needs claims makes its own). JVM options may be added in $BENCH_JAVA_OPTS (e.g. a flight recording).
# $BENCH_JAR runs a jar already built instead (bench/smoke.sh builds it once for every benchmark; two versions can be
# compared on the same data directory).
mkdir -p "$work"
if [ -n "${BENCH_JAR:-}" ]; then
  jar=$BENCH_JAR
else
  ./mvnw -q package -DskipTests
  jar=$(ls target/amo-platform-*.jar | head -n 1)
fi
. bench/jdk.sh
started=$(date +%s%N)
# shellcheck disable=SC2086
"$java_bin" -Xms512m -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$http_port" \
  --amo.embedded-postgres.data-directory="$work/postgres" --amo.embedded-postgres.port="$port" \
  --amo.population.import-directory="$work/imports" --logging.level.ma.amo=info \
  --amo.security.rate-limit.enabled=false --amo.demo.activity=false ${BENCH_OPTIONS:-} "$@" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
base=http://localhost:$http_port
until curl -sf "$base/actuator/health" > /dev/null; do
  if ! kill -0 $app 2>/dev/null; then
    echo "the platform stopped before serving: see $work/app.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "serving after $(( ($(date +%s%N) - started) / 1000000 )) ms"
sleep 2
