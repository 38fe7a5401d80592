-- One kind of webhook traffic for scripts/soak.sh, paced and accounted. wrk runs one process
-- per kind, each with this script; the parameters come from the environment (os.getenv works in
-- every wrk Lua state, including the main one that decides whether delay() exists):
--
--   SOAK_KIND     hit | miss | voice | badsig | oversize | probe (cache hits, unpaced, without
--                 the response() callback, so that wrk's own cost is that of scripts/load.sh)
--   SOAK_KRATE    requests per second for this wrk process (0: unpaced, as fast as it goes)
--   SOAK_KCONNS, SOAK_KTHREADS   the -c and -t given to wrk (for the starting delay)
--   SOAK_KFILE    requests, one per line "<signature> <form body>" ("-": no signature header);
--                 hit and badsig cycle through it; miss and voice take each line once, in order
--                 (one distinct MessageSid and sender per request); oversize does not use it
--   SOAK_OVERSIZE_BYTES   oversize body size (larger than the webhook's limit)
--   SOAK_ACK, SOAK_BUSY   TwiML-escaped prefixes of the ack and busy templates
--
-- Expected per kind (anything else is counted as unexpected): hit: 200 with a <Body> that is
-- neither an ack nor busy; miss and voice: 200 with the ack (busy is counted apart); badsig: 403;
-- oversize: 413.
--
-- Pacing: wrk waits delay() ms before each request on a connection, so a connection sends about
-- 1000 / (delay + latency) requests/s. Each thread starts from conns x 1000 / rate and corrects
-- the delay once a second against the rate it achieved over the last 5 s (os.time() has 1 s
-- resolution, hence the window); fractional delays are dithered (wrk truncates to whole ms).
--
-- miss and voice must run with -t1 -c1: requests and responses then alternate, so the script
-- knows which request each response answers and reports the indices whose fate it did not see
-- (in flight at the stop, or lost to a socket error) for soak.sh to replay.

local KIND = os.getenv("SOAK_KIND") or "hit"
local RATE = tonumber(os.getenv("SOAK_KRATE") or "0") or 0
local CONNS = tonumber(os.getenv("SOAK_KCONNS") or "1") or 1
local NTHREADS = tonumber(os.getenv("SOAK_KTHREADS") or "1") or 1
local FILE = os.getenv("SOAK_KFILE")
local ACK = os.getenv("SOAK_ACK") or "\1"
local BUSY = os.getenv("SOAK_BUSY") or "\1"
local CHECKED = KIND ~= "probe"
if KIND == "probe" then KIND, RATE = "hit", 0 end
local DISTINCT = (KIND == "miss" or KIND == "voice")
local EXPECT = ({ hit = 200, miss = 200, voice = 200, badsig = 403, oversize = 413 })[KIND]

local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local lines = {}
local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  math.randomseed(os.time() + tid * 7919)
  sent, answered, expected, unexpected, busy, badbody, exhausted = 0, 0, 0, 0, 0, 0, 0
  statuses = {}      -- status -> count
  nonack = ""        -- miss/voice: "index:class," for every answer that was not the ack
  unseen = ""        -- miss/voice: "index," for requests whose answer was lost to an error
  inflight = -1      -- miss/voice: index of the request on the wire, -1 when none
  if FILE and KIND ~= "oversize" then
    for line in io.lines(FILE) do
      local sig, body = line:match("^(%S+) (%S+)$")
      if sig then table.insert(lines, { sig, body }) end
    end
    assert(#lines > 0, "no requests in " .. FILE)
  end
  if KIND == "oversize" then
    local size = tonumber(os.getenv("SOAK_OVERSIZE_BYTES") or "70000")
    local body = "Body=" .. string.rep("a", size - 5)
    -- Declared length: refused from the header; the server closes the connection (the body is
    -- left unread), so the request says Connection: close and wrk reconnects without an error.
    declared = wrk.format("POST", "/webhook",
      { ["Content-Type"] = form["Content-Type"], ["Connection"] = "close" }, body)
    -- Chunked, no length: refused while reading, past the limit; the connection stays open.
    local chunks, i = {}, 1
    while i <= #body do
      local piece = body:sub(i, i + 8191)
      table.insert(chunks, string.format("%x\r\n%s\r\n", #piece, piece))
      i = i + 8192
    end
    chunked = wrk.format("POST", "/webhook",
      { ["Content-Type"] = form["Content-Type"], ["Transfer-Encoding"] = "chunked" })
      .. table.concat(chunks) .. "0\r\n\r\n"
  end
  -- pacing state
  per_thread = RATE / NTHREADS
  conns_per_thread = math.max(1, CONNS / NTHREADS)
  d = per_thread > 0 and conns_per_thread * 1000 / per_thread or 0
  tick, ring = nil, {}
end

function request()
  local i = sent
  sent = sent + 1
  if KIND == "oversize" then
    return (i % 2 == 0) and declared or chunked
  end
  local m
  if DISTINCT then
    if inflight >= 0 then unseen = unseen .. inflight .. "," end
    if i >= #lines then exhausted = exhausted + 1 end
    m = lines[(i % #lines) + 1]
    inflight = i
  else
    m = lines[(i % #lines) + 1]
  end
  local headers = { ["Content-Type"] = form["Content-Type"] }
  if m[1] ~= "-" then headers["X-Twilio-Signature"] = m[1] end
  return wrk.format("POST", "/webhook", headers, m[2])
end

local function response_(status, hdrs, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  local class
  if status ~= EXPECT then
    class = "status" .. status
  elseif KIND == "hit" then
    if body:find("<Body>", 1, true) and not body:find(ACK, 1, true)
        and not body:find(BUSY, 1, true) then class = "ok" else class = "body" end
  elseif DISTINCT then
    if body:find(ACK, 1, true) then class = "ok"
    elseif body:find(BUSY, 1, true) then class = "busy"
    else class = "body" end
  else
    class = "ok"
  end
  if class == "ok" then expected = expected + 1
  elseif class == "busy" then busy = busy + 1
  elseif class == "body" then badbody = badbody + 1
  else unexpected = unexpected + 1 end
  if DISTINCT then
    if class ~= "ok" and inflight >= 0 then nonack = nonack .. inflight .. ":" .. class .. "," end
    inflight = -1
  end
end
-- wrk hands every response to Lua only when response() exists: the probe goes without.
if CHECKED then response = response_ end

if RATE > 0 then
  function delay()
    local now = os.time()
    if tick == nil then
      tick = now
    elseif now ~= tick then
      tick = now
      table.insert(ring, { now, sent })
      if #ring > 6 then table.remove(ring, 1) end
      if #ring >= 3 then
        local t0, s0 = ring[1][1], ring[1][2]
        local achieved = (sent - s0) / (now - t0)
        local ratio = achieved / per_thread
        local f = math.max(0.25, math.min(4, ratio)) ^ 0.3
        d = math.max(0, math.min(60000, d * f))
      end
    end
    return math.floor(d + math.random())
  end
end

function done(summary, latency, requests)
  local total = { sent = 0, answered = 0, expected = 0, unexpected = 0, busy = 0, badbody = 0,
                  exhausted = 0 }
  local st, nonacks, unseens, pendings = {}, {}, {}, {}
  for _, t in ipairs(threads) do
    for k in pairs(total) do total[k] = total[k] + t:get(k) end
    for code, n in pairs(t:get("statuses")) do st[code] = (st[code] or 0) + n end
    if t:get("nonack") ~= "" then table.insert(nonacks, t:get("nonack")) end
    if t:get("unseen") ~= "" then table.insert(unseens, t:get("unseen")) end
    if t:get("inflight") >= 0 then table.insert(pendings, t:get("inflight")) end
  end
  local codes = {}
  for code, n in pairs(st) do table.insert(codes, code .. ":" .. n) end
  table.sort(codes)
  local e = summary.errors
  io.write(string.format(
    "SOAK kind=%s requests=%d duration_s=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "sent=%d answered=%d expected=%d unexpected=%d busy=%d badbody=%d exhausted=%d " ..
    "statuses=%s non2xx=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d " ..
    "nonack=%s unseen=%s pending=%s\n",
    KIND, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    total.sent, total.answered, total.expected, total.unexpected, total.busy, total.badbody,
    total.exhausted, #codes > 0 and table.concat(codes, ",") or "-", e.status,
    e.connect, e.read, e.write, e.timeout,
    #nonacks > 0 and table.concat(nonacks) or "-", #unseens > 0 and table.concat(unseens) or "-",
    #pendings > 0 and table.concat(pendings, ",") or "-"))
end
