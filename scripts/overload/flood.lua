-- An argon2 flood on the token endpoint: every request a distinct client id and a distinct wrong
-- secret (nothing remembered can answer it). FLOOD_FORWARDED=1 also sends a distinct
-- X-Forwarded-For per request (a botnet behind a trusted proxy: no address repeats).
-- Counts the answers by status and prints them when wrk is done.
local threads = {}
local forwarded = os.getenv("FLOOD_FORWARDED") == "1"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + math.random(1e6))
end

local function random_text(n)
  local t = {}
  for i = 1, n do t[i] = string.char(97 + math.random(0, 25)) end
  return table.concat(t)
end

function request()
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  if forwarded then
    headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  end
  local body = "grant_type=client_credentials&scope=openid&client_id=flood-" .. random_text(12)
      .. "&client_secret=" .. random_text(32)
  return wrk.format("POST", "/oauth/v2/token", headers, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
