#!/usr/bin/env bash
# Start-up benchmark: launch to first answer of the packaged service with unchanged rules (the compiled form
# kept in the data directory), with a fresh data directory and with a changed rule set (both compiled and
# gated in full), against a plain Quarkus hello-world application (bench/hello, same Quarkus, same JVM) on
# the same machine in the same run. Each start is measured RUNS times; the median is reported with its ratio
# to the hello-world start.
#
#   bench/startup.sh [--no-build]   (RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
if [[ "${1:-}" != "--no-build" || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q package -DskipTests
fi
if [[ "${1:-}" != "--no-build" || ! -f bench/hello/target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q -f bench/hello/pom.xml package
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
service=""
stop_service() {
  if [[ -n "$service" ]]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  service=""
}
trap 'stop_service; rm -rf "$work"' EXIT

key="startup-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
key_hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
sample=samples/connectors-office365users-no-manager.json

# Milliseconds from launch until the request answers 200, asked every 20 ms. The process is stopped after.
time_to_answer() { # request... (curl arguments) ; the command to launch follows "--"
  local request=() launch=()
  while [[ "$1" != "--" ]]; do request+=("$1"); shift; done
  shift
  launch=("$@")
  local start end
  start=$(date +%s%N)
  "${launch[@]}" >"$work/start.log" 2>&1 &
  service=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "${request[@]}")" == 200 ]]; do
    kill -0 "$service" 2>/dev/null || { cat "$work/start.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  stop_service
  echo $(((end - start) / 1000000))
}

flow_doctor() { # data-dir rules-dir
  echo java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dflowdoctor.security.api-keys.bench.hash="$key_hash" -Dflowdoctor.security.api-keys.bench.roles=service \
    -Dflowdoctor.data-dir="$1" -Dflowdoctor.rules-dir="$2" -Dflowdoctor.reload.watch=false \
    -jar target/quarkus-app/quarkus-run.jar
}
diagnose=(-X POST -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary "@$sample" "$base/api/v1/diagnoses")
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

hello=() fresh=() cached=() changed=()
for run in $(seq 1 "$RUNS"); do
  hello+=("$(time_to_answer "$base/hello" -- java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -jar bench/hello/target/quarkus-app/quarkus-run.jar)")
  rm -rf "$work/data" "$work/rules"
  cp -r rules "$work/rules"
  # shellcheck disable=SC2046
  fresh+=("$(time_to_answer "${diagnose[@]}" -- $(flow_doctor "$work/data" "$work/rules"))")
  # shellcheck disable=SC2046
  cached+=("$(time_to_answer "${diagnose[@]}" -- $(flow_doctor "$work/data" "$work/rules"))")
  printf '\n// changed in run %s\n' "$run" >>"$work/rules/advice/resubmit.drl"
  # shellcheck disable=SC2046
  changed+=("$(time_to_answer "${diagnose[@]}" -- $(flow_doctor "$work/data" "$work/rules"))")
  echo "run $run: hello ${hello[-1]} ms, fresh ${fresh[-1]} ms, unchanged ${cached[-1]} ms, changed ${changed[-1]} ms"
done

h=$(printf '%s\n' "${hello[@]}" | median)
report() { # label values...
  local label=$1; shift
  local m; m=$(printf '%s\n' "$@" | median)
  printf '%-44s %7s ms  %5.2f x hello-world\n' "$label" "$m" "$(awk -v a="$m" -v b="$h" 'BEGIN { print a / b }')"
}
echo
echo "Launch to first 200 answer, median of $RUNS (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)"
report "plain Quarkus hello-world (GET /hello)" "${hello[@]}"
report "Flow Doctor, unchanged rules (kept compiled)" "${cached[@]}"
report "Flow Doctor, fresh data directory (full gate)" "${fresh[@]}"
report "Flow Doctor, changed rule set (full gate)" "${changed[@]}"
