-- A POST whose body carries a single-use assertion, a fresh one per request:
--   body = BENCH_BODY_PREFIX .. <next line of BENCH_ASSERTIONS> .. BENCH_BODY_SUFFIX
-- The lines are dealt out round-robin to wrk's threads. A thread that runs out stops
-- (wrk.thread:stop()); done() prints "assertions exhausted: N threads" so the harness can say so.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local lines = {}
local next_line = 1
local prefix = os.getenv("BENCH_BODY_PREFIX") or ""
local suffix = os.getenv("BENCH_BODY_SUFFIX") or ""
exhausted = 0

function init(args)
  local index, count, i = wrk.thread:get("index"), #threads, 0
  -- setup() ran in the main state, so the count of threads is not known here: use wrk's -t via env.
  count = tonumber(os.getenv("BENCH_THREADS") or "2")
  for line in io.lines(os.getenv("BENCH_ASSERTIONS")) do
    if i % count == index then
      table.insert(lines, line)
    end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local line = lines[next_line]
  if line == nil then
    exhausted = 1
    wrk.thread:stop()
    line = lines[#lines]
  end
  next_line = next_line + 1
  return wrk.format(nil, nil, nil, prefix .. line .. suffix)
end

function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do
    if thread:get("exhausted") == 1 then n = n + 1 end
  end
  io.write(string.format("assertions exhausted: %d threads\n", n))
end
