-- wrk script: POSTs the README's failed run for 1,000 flows in turn per wrk thread (diagnoses of one
-- flow wait for each other on the flow's row; real traffic spreads over many flows), and prints a
-- machine-readable summary line. Each thread runs its own copy of this script, so each takes flow
-- ids of its own: with shared ids the threads would post the same flows in lockstep.
local threads = {}
local counter = 0
local key = os.getenv("FLOWDOCTOR_KEY")
-- Run ids of this wrk process only: a run id sent again is the same request (idempotency) and would be
-- answered from the audit instead of diagnosed.
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())

setup = function(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local body = string.format([[{"flowId": "bench-%d-%d", "flowName": "Leave request", "runId": "run-%s-%d-%d",
 "failedAt": "2026-11-27T10:15:00Z",
 "actions": [
  {"name": "Get manager (V2)", "connector": "shared_office365users", "operation": "Manager_V2",
   "statusCode": 404, "errorCode": "ResourceNotFound", "message": "No manager found for the specified user."},
  {"name": "Scope", "errorCode": "ActionFailed", "message": "An action failed. No dependent actions succeeded."}]}]],
    offset, counter % 1000, nonce, offset, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-API-Key"] = key}, body)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f requests=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests, failed))
end
