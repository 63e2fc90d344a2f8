#!/usr/bin/env bash
# Burst benchmark: starts the packaged service on a free port of 127.0.0.1 with an empty database and posts
# 20,000 failures of 2,000 flows as fast as it answers (wrk -t2 -c16, bench/burst.lua: 10 failures per flow,
# a flow's failures one after the other). Reports how long the burst took, the diagnoses' p50/p99 latency
# (the service's histogram), whether every
# answer counted its flow's failure exactly one more than the flow's previous answer, and whether the audit
# holds exactly the failures answered.
#
#   bench/burst.sh [--no-build]     (WINDOW=120s: wrk runs that long whatever the burst takes; BURST_PER_THREAD=10000 FLOWS_PER_THREAD=1000 CONNECTIONS=16; extra service
#                                    settings as -D options in SERVICE_OPTS, e.g. a PostgreSQL URL; JAR=another
#                                    packaged service, e.g. one re-augmented for PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

export BURST_PER_THREAD=${BURST_PER_THREAD:-10000}
export FLOWS_PER_THREAD=${FLOWS_PER_THREAD:-1000}
CONNECTIONS=${CONNECTIONS:-16}

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
if [[ "${1:-}" != "--no-build" || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
service=""
stop() {
  if [[ -n "$service" ]]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

export FLOWDOCTOR_KEY="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
key_hash=$(printf %s "$FLOWDOCTOR_KEY" | sha256sum | cut -d' ' -f1)
# shellcheck disable=SC2086
FLOWDOCTOR_DATA_DIR="$work/data" java -Xmx2g ${SERVICE_OPTS:-} \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -Dflowdoctor.security.api-keys.bench.hash="$key_hash" -Dflowdoctor.security.api-keys.bench.roles=service,support \
  -Dflowdoctor.reload.watch=false -jar "${JAR:-target/quarkus-app/quarkus-run.jar}" >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 300); do
  curl -sf "$base/q/health/ready" >/dev/null && break
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done

result=$(wrk -t2 -c"$CONNECTIONS" -d"${WINDOW:-120s}" -s bench/burst.lua "$base/" | grep "^RESULT")
audited=$(curl -s -H "X-API-Key: $FLOWDOCTOR_KEY" "$base/api/v1/diagnoses?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
metrics=$(curl -s "$base/q/metrics")
batches=$(grep -E '^flowdoctor_recording_batch_(count|sum|max)' <<<"$metrics" | tr '\n' ' ')
# p50 and p99 of the diagnoses, from the service's histogram (from the request's arrival at the intake to its
# committed answer): the upper bound of the bucket the percentile falls in.
latency=$(grep -E '^flowdoctor_diagnosis_seconds_bucket' <<<"$metrics" | python3 -c '
import re, sys
buckets = sorted((float(re.search(r"le=\"([^\"]+)\"", line).group(1)), float(line.split()[-1])) for line in sys.stdin)
total = buckets[-1][1]
def percentile(p):
    return next(le for le, count in buckets if count >= p * total) * 1000
print("server_p50_ms<=%.1f server_p99_ms<=%.1f" % (percentile(0.5), percentile(0.99)))')
echo
echo "burst of $((2 * BURST_PER_THREAD)) failures of $((2 * FLOWS_PER_THREAD)) flows, wrk -t2 -c$CONNECTIONS, against $base"
echo "$result $latency audited=$audited"
echo "recording batches: $batches"
