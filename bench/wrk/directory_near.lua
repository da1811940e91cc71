-- wrk script for the distance-search row of `make bench`: every request is a new search,
-- so the page cache (keyed on the full URL) cannot answer it and each one runs the query.
-- bench/run.py sets the environment variables:
--   BENCH_PLACES   a file of places to search near, one a line, already URL-encoded
--                  (ZIP codes and "City, ST" of seeded programs)
--   BENCH_RADII    the radii to pick from, in miles: "5,10,25,50,100"
--   BENCH_FILTERS  the filter groups to pick two from, "name=value,value;name=value;...",
--                  e.g. "schedule=daytime,evening,weekend;accepts_moud=1"
--   BENCH_PAGES    the result pages to pick from, "1,1,1,2,3" (1 sends no page parameter)
--   BENCH_SEED     random seed (each run its own)
--   BENCH_THREADS  the number of wrk threads (-t)
-- A request is /programs/?near=PLACE&within=MILES, one value from each of two different
-- groups in a fixed order (as the form sends them), and sometimes a page. Thread i of n
-- takes every n-th place, so threads never ask the same question, and a thread never asks
-- one twice. Any answer that is not 2xx counts as an error: distinct.lua.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "distinct.lua") -- required(), setup(), response(), done()

local function split(text, sep)
  local parts = {}
  for part in string.gmatch(text or "", "[^" .. sep .. "]+") do
    parts[#parts + 1] = part
  end
  return parts
end

-- Thread state.
local places, radii, groups, pages = {}, {}, {}, {}
local seen = {}
repeats = 0 -- requests that had to repeat an earlier one (none, unless the lists are tiny)

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS") or "") or 1
  local all = {}
  for line in io.lines(required("BENCH_PLACES")) do
    if line ~= "" then
      all[#all + 1] = line
    end
  end
  for i = id, #all, count do
    places[#places + 1] = all[i]
  end
  if #places == 0 then
    error("BENCH_PLACES holds no places for thread " .. id)
  end
  for _, r in ipairs(split(required("BENCH_RADII"), ",")) do
    radii[#radii + 1] = r
  end
  for _, group in ipairs(split(required("BENCH_FILTERS"), ";")) do
    local name, values = group:match("^([%w_]+)=(.+)$")
    groups[#groups + 1] = { name = name, values = split(values, ",") }
  end
  if #groups < 2 then
    error("BENCH_FILTERS needs at least two groups")
  end
  pages = split(os.getenv("BENCH_PAGES") or "1", ",")
  math.randomseed((tonumber(os.getenv("BENCH_SEED") or "") or os.time()) * 100 + id)
end

local function pick(list)
  return list[math.random(#list)]
end

local function search()
  local first = math.random(#groups)
  local second = math.random(#groups - 1)
  if second >= first then
    second = second + 1
  end
  if second < first then
    first, second = second, first
  end
  local a, b = groups[first], groups[second]
  local path = "/programs/?near=" .. pick(places) .. "&within=" .. pick(radii)
    .. "&" .. a.name .. "=" .. pick(a.values) .. "&" .. b.name .. "=" .. pick(b.values)
  local page = pick(pages)
  if page ~= "1" then
    path = path .. "&page=" .. page
  end
  return path
end

function request()
  local path = search()
  local attempts = 1
  while seen[path] and attempts < 50 do
    path = search()
    attempts = attempts + 1
  end
  if seen[path] then
    repeats = repeats + 1
  end
  seen[path] = true
  return wrk.format("GET", path)
end

function after_threads(threads)
  local repeated = 0
  for _, thread in ipairs(threads) do
    repeated = repeated + thread:get("repeats")
  end
  if repeated > 0 then
    io.write(string.format("directory_near.lua: %d requests repeated an earlier one\n", repeated))
  end
end
