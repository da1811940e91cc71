-- Shared by the wrk scripts whose every request asks a different page (paths.lua,
-- directory_near.lua): loads request.lua (its done() and the BENCH_COOKIE header), numbers
-- the threads, counts every answer that is not 2xx as an error ("status"; wrk itself counts
-- only 4xx and 5xx) and adds the threads' counts up in done(). A script that counts more
-- per thread sets after_threads(threads), called from done() before the BENCH_RESULT line.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "request.lua")

function required(name)
  local value = os.getenv(name)
  if not value or value == "" then
    error(name .. " is not set: run this script through bench/run.py")
  end
  return value
end

-- Main state: number the threads and collect them, so done() can add up their counts.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Thread state: answers that were not 2xx (read by done() through thread:get).
bad = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

local report = done

function done(summary, latency, requests)
  local non_2xx = 0
  for _, thread in ipairs(threads) do
    non_2xx = non_2xx + thread:get("bad")
  end
  summary.errors.status = non_2xx
  if after_threads then
    after_threads(threads)
  end
  report(summary, latency, requests)
end
