#!/usr/bin/env bash
# HTTP benchmark: starts the packaged service on a free port of 127.0.0.1 with an empty database, then
# drives POST /bench/echo (reads the request and writes it back) and POST /api/v1/diagnoses with wrk,
# and reports requests per second and latency percentiles of both and their ratio. Then it reloads a
# rule base of 10,000 generated connector rules under load and diagnoses with it (RELOAD=no skips that part).
# Beside each figure it reports the JVM's CPU time per request (user and system, from /proc), JIT and GC included.
#
#   bench/http-bench.sh [--no-build]   (DURATION=20s WARMUP=30s DIAGNOSE_WARMUP=90s THREADS=2 CONNECTIONS=16
#                                       RELOAD_WINDOW=90s RELOAD=yes; SERVICE_OPTS extra -D options, e.g. a
#                                       PostgreSQL URL; JAR another package, e.g. one re-augmented for PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
RELOAD_WINDOW=${RELOAD_WINDOW:-90s}
RELOAD=${RELOAD:-yes}
# The diagnosis path is large (Hibernate, the database, Drools): the JIT compiler is still at work on it after
# the 30 s that warm the echo up.
DIAGNOSE_WARMUP=${DIAGNOSE_WARMUP:-90s}
LUA=bench/post-run.lua

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
if [[ "${1:-}" != "--no-build" || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q package -DskipTests
fi
if [[ "$RELOAD" == yes && ! -d target/bench-rules/rules-10000 ]]; then
  ./mvnw -B -q -Pbench test-compile exec:exec@bench-rules
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
cp -r rules "$work/rules"
cp -r knowledge-base "$work/knowledge-base"
service=""
stop() {
  if [[ -n "$service" ]]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

# A key of its own for this run: only its hash goes to the service.
export FLOWDOCTOR_KEY="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
key_hash=$(printf %s "$FLOWDOCTOR_KEY" | sha256sum | cut -d' ' -f1)
# shellcheck disable=SC2086
FLOWDOCTOR_DATA_DIR="$work/data" java -Xmx2g ${SERVICE_OPTS:-} \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -Dflowdoctor.security.api-keys.bench.hash="$key_hash" -Dflowdoctor.security.api-keys.bench.roles=service,analyst \
  -Dflowdoctor.bench.echo-enabled=true -Dflowdoctor.rules-dir="$work/rules" -Dflowdoctor.knowledge-base-dir="$work/knowledge-base" -Dflowdoctor.reload.watch=false \
  -jar "${JAR:-target/quarkus-app/quarkus-run.jar}" >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 120); do
  curl -sf "$base/q/health/ready" >/dev/null && break
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$service/stat"; }
load() { # endpoint duration -> the RESULT line, with the service's CPU milliseconds per request
  local before after result requests
  before=$(cpu_ticks)
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -s "$LUA" "$base$1" | grep '^RESULT')
  after=$(cpu_ticks)
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  echo "$result cpu_ms_per_request=$(awk -v a="$before" -v b="$after" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
}
field() { sed -E "s/.*$2=([0-9.]+).*/\1/" <<<"$1"; }

load /bench/echo "$WARMUP" >/dev/null
load /api/v1/diagnoses "$DIAGNOSE_WARMUP" >/dev/null
echo_result=$(load /bench/echo "$DURATION")
diagnose_result=$(load /api/v1/diagnoses "$DURATION")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "wrk -t$THREADS -c$CONNECTIONS, $DURATION per run after warm-ups of $WARMUP (echo) and $DIAGNOSE_WARMUP (diagnose), against $base"
echo "echo (no-op)                         $echo_result"
echo "diagnose, shipped rules              $diagnose_result"
echo "throughput diagnose/echo:          $(ratio "$(field "$diagnose_result" rps)" "$(field "$echo_result" rps)")"
echo "CPU per request diagnose/echo:     $(ratio "$(field "$diagnose_result" cpu_ms_per_request)" "$(field "$echo_result" cpu_ms_per_request)")"
[[ "$RELOAD" == yes ]] || exit 0

# A reload of 10,000 more rules while diagnoses go on: the serving rule base answers until the new one
# has compiled and passed every scenario.
cp -r target/bench-rules/knowledge-10000/evidence/generated "$work/knowledge-base/evidence/generated"
cp -r target/bench-rules/rules-10000/generated "$work/rules/generated"
(
  sleep 2
  start=$(date +%s%N)
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $FLOWDOCTOR_KEY" -X POST "$base/api/v1/rules/reload")
  echo "$status $(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')" >"$work/reload"
) &
reload_job=$!
reload_result=$(load /api/v1/diagnoses "$RELOAD_WINDOW")
wait "$reload_job"
read -r reload_status reload_seconds <"$work/reload"
rules_serving=$(curl -s -H "X-API-Key: $FLOWDOCTOR_KEY" "$base/api/v1/rules/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["serving"]["rules"])')
load /api/v1/diagnoses "$WARMUP" >/dev/null
large_result=$(load /api/v1/diagnoses "$DURATION")

echo "diagnose during reload to 10k rules  $reload_result"
echo "diagnose, $rules_serving rules            $large_result"
echo "reload to $rules_serving rules: HTTP $reload_status after ${reload_seconds}s (diagnoses ran throughout, $RELOAD_WINDOW window from 2 s before it)"
echo "throughput diagnose 10k/shipped:   $(ratio "$(field "$large_result" rps)" "$(field "$diagnose_result" rps)")"
