-- GET with a different bearer token per request, from the lines of BENCH_TOKENS, dealt out to
-- wrk's threads (BENCH_THREADS of them) and cycled through in order.
--   BENCH_PASSES=n       each thread stops after n passes through its tokens (0: never)
--   BENCH_SERIES=prefix  each thread writes "<second> <responses completed in it>" lines to
--                        prefix-<thread>.txt, seconds counted from the thread's first request
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local tokens = {}
local next_token, passes, max_passes = 1, 0, 0
local series, started, second, count = nil, nil, 0, 0

function init(args)
  local index = wrk.thread:get("index")
  local count_threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  local i = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if i % count_threads == index then
      table.insert(tokens, "Bearer " .. line)
    end
    i = i + 1
  end
  max_passes = tonumber(os.getenv("BENCH_PASSES") or "0")
  local prefix = os.getenv("BENCH_SERIES")
  if prefix ~= nil and prefix ~= "" then
    series = io.open(prefix .. "-" .. index .. ".txt", "w")
  end
end

function request()
  if next_token > #tokens then
    next_token = 1
    passes = passes + 1
    if max_passes > 0 and passes >= max_passes then
      wrk.thread:stop()
    end
  end
  local token = tokens[next_token]
  next_token = next_token + 1
  return wrk.format("GET", nil, { ["Authorization"] = token }, nil)
end

if os.getenv("BENCH_SERIES") ~= nil and os.getenv("BENCH_SERIES") ~= "" then
  function response(status, headers, body)
    local now = os.time()
    if started == nil then started = now end
    local s = now - started
    if s ~= second then
      series:write(string.format("%d %d\n", second, count))
      series:flush()
      second, count = s, 0
    end
    count = count + 1
  end
end

function done(summary, latency, requests)
end
