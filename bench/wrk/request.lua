-- wrk script for `make bench` (bench/run.py sets the environment variables).
--   BENCH_COOKIE  Cookie header to send (a staff sessionid, or the csrftoken cookie)
--   BENCH_BODY    form body to POST instead of GET (holds the csrfmiddlewaretoken field
--                 that goes with the csrftoken cookie, both taken from one GET first)
-- done() prints one JSON line that bench/run.py reads; latencies are in microseconds.

local cookie = os.getenv("BENCH_COOKIE")
local body = os.getenv("BENCH_BODY")

if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
