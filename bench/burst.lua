-- wrk script for bench/burst.sh: each thread posts LIMIT failures (BURST_PER_THREAD) spread over FLOWS_PER_THREAD
-- flows of its own, one failure of every flow before the next of any, each with a run id and failure time of its
-- own. It checks every answer: a flow's failure count must be one more than its previous answer's (a flow's
-- failures are never in flight together, they are FLOWS_PER_THREAD requests apart). After its LIMIT posts a
-- thread asks only the health endpoint, which records nothing, until its last answer is in (or, should wrk have
-- dropped a request it asked for, two seconds after the last answer came). wrk's latency figures then mix in the
-- health checks: bench/burst.sh takes the diagnoses' percentiles from the service's own histogram instead.
local threads = {}
local key = os.getenv("FLOWDOCTOR_KEY")
local limit = tonumber(os.getenv("BURST_PER_THREAD") or "10000")
local flows = tonumber(os.getenv("FLOWS_PER_THREAD") or "1000")
-- Globals, not locals: done() reads each thread's counts with thread:get.
sent = 0
answered = 0
wrong = 0
failed = 0
started = 0
finished = 0
local last = {}

setup = function(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

request = function()
  if sent >= limit then
    return wrk.format("GET", "/q/health/live")
  end
  if started == 0 then
    started = os.time()
  end
  local flow = sent % flows
  local failure = math.floor(sent / flows)
  sent = sent + 1
  local body = string.format([[{"flowId": "burst-%d-%d", "flowName": "Invoices", "runId": "run-%d",
 "failedAt": "2026-11-27T%02d:%02d:00Z",
 "actions": [{"name": "Get items", "connector": "shared_sharepointonline", "operation": "GetItems",
   "statusCode": 429, "errorCode": "TooManyRequests", "message": "The request was throttled. Retry after some time."}]}]],
    offset, flow, failure, 8 + math.floor(failure / 60), failure % 60)
  return wrk.format("POST", "/api/v1/diagnoses", {["Content-Type"] = "application/json", ["X-API-Key"] = key}, body)
end

response = function(status, headers, body)
  local flow = body and string.match(body, '"flowId":"(burst%-[%d%-]+)"')
  if flow then
    answered = answered + 1
    local count = tonumber(string.match(body, '"failureCount":(%d+)'))
    if count ~= (last[flow] or 0) + 1 then
      wrong = wrong + 1
    end
    last[flow] = count
    finished = os.time()
  elseif status ~= 200 then
    failed = failed + 1
    finished = os.time()
  end
  if answered + failed >= limit or (sent >= limit and os.time() - finished >= 2) then
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local answers, wrongs, failures, first, final = 0, 0, 0, nil, 0
  for _, thread in ipairs(threads) do
    answers = answers + thread:get("answered")
    wrongs = wrongs + thread:get("wrong")
    failures = failures + thread:get("failed")
    first = math.min(first or thread:get("started"), thread:get("started"))
    final = math.max(final, thread:get("finished"))
  end
  -- Whole seconds (os.time): from the first failure sent to the last answer received.
  io.write(string.format("RESULT burst_seconds=%d answered=%d wrong_counts=%d failed=%d\n",
    final - first, answers, wrongs, failures))
end
