-- wrk script for the staff rows of `make bench`: every request asks for a path picked at
-- random from a list, so a row measures many pages (queue filters, searches and pages;
-- response pages of many responses), not one page again and again.
-- bench/run.py sets the environment variables:
--   BENCH_PATHS    a file of paths, one a line ("/admin/intake/?status=new&page=2")
--   BENCH_COOKIE   the Cookie header to send (the signed-in staff member's sessionid)
--   BENCH_SEED     random seed (each run its own)
--   BENCH_THREADS  the number of wrk threads (-t)
-- Thread i of n starts at its own place in a shuffled copy of the list and walks it in
-- order, so consecutive requests, and the threads, ask for different paths; the list is
-- asked again from the top only when a row outlasts it. Any answer that is not 2xx counts
-- as an error (a lost session's redirect to the login page is one): distinct.lua.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "distinct.lua") -- required(), setup(), response(), done()

-- Thread state.
local paths = {}
local next_index = 1

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS") or "") or 1
  for line in io.lines(required("BENCH_PATHS")) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("BENCH_PATHS holds no paths")
  end
  math.randomseed((tonumber(os.getenv("BENCH_SEED") or "") or os.time()) * 100 + id)
  for i = #paths, 2, -1 do -- Fisher-Yates
    local j = math.random(i)
    paths[i], paths[j] = paths[j], paths[i]
  end
  next_index = 1 + math.floor((id - 1) * #paths / count)
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
