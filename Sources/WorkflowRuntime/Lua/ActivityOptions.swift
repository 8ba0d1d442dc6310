/// Workflow prelude, part 4: validation of `funcs` option tables
/// (`activity.*` keys; `temporal.`-prefixed aliases accepted). Unknown keys
/// and wrong types come back as `nil, err` with kind INVALID.
enum ActivityOptions {
    static let source = #"""
local P = ...
local pairs = P.base.pairs -- deterministic order
local common, errors = P.common, P.common.errors
-- Activity options. ---------------------------------------------------------
local ACTIVITY_KEYS = {
  ["activity.start_to_close_timeout"] = "duration", ["activity.schedule_to_close_timeout"] = "duration",
  ["activity.schedule_to_start_timeout"] = "duration", ["activity.heartbeat_timeout"] = "duration",
  ["activity.task_queue"] = "string", ["activity.id"] = "string", ["activity.retry_policy"] = "table",
}
local RETRY_KEYS = { initial_interval = "duration", backoff_coefficient = "number", maximum_interval = "duration",
  maximum_attempts = "integer", non_retryable_error_types = "list" }

function P.invalid(msg) return nil, errors.new { kind = "INVALID", message = msg, retryable = false } end

--- The server rejects a payload over 2 MiB (and then fails the workflow
--- task over and over). Values that would encode larger are refused up
--- front, so the call returns an error instead.
P.PAYLOAD_LIMIT = 2 * 1024 * 1024
local function rough_size(v, depth)
  local t = type(v)
  if t == "string" then return #v + 2 end
  if t ~= "table" or depth > 64 then return 8 end
  local n = 2
  for k, x in next, v do
    n = n + rough_size(k, depth + 1) + rough_size(x, depth + 1)
    if n > P.PAYLOAD_LIMIT then return n end
  end
  return n
end

--- nil when every argument fits in a payload, else an INVALID error
--- naming `what` and the size.
function P.check_payloads(what, args, nargs)
  for i = 1, nargs or 0 do
    local v = args[i]
    if type(v) == "table" or type(v) == "string" then
      if rough_size(v, 0) > P.PAYLOAD_LIMIT - 65536 then
        local text = P.json.encode(v)
        local size = text and #text or rough_size(v, 0)
        if size > P.PAYLOAD_LIMIT then
          return errors.new { kind = "INVALID", retryable = false, message = string.format(
            "%s: argument %d is %.1f MiB as JSON, over Temporal's 2 MiB payload limit", what, i, size / 1048576) }
        end
      end
    end
  end
  return nil
end

function P.check_activity_options(opts)
  local out = {}
  for key, value in pairs(opts) do
    local k = type(key) == "string" and key:gsub("^temporal%.", "") or key
    local want = ACTIVITY_KEYS[k]
    if not want then return P.invalid("unknown activity option " .. tostring(key)) end
    if want == "duration" then
      local ms, err = common.option_ms(k, value)
      if not ms then return P.invalid(err) end
      out[k:sub(10) .. "_ms"] = ms
    elseif want == "string" then
      if type(value) ~= "string" or value == "" then return P.invalid(k .. " must be a non-empty string") end
      out[k:sub(10)] = value
    else
      if type(value) ~= "table" then return P.invalid(k .. " must be a table") end
      local rp = {}
      for rk, rv in pairs(value) do
        local rw = RETRY_KEYS[rk]
        if not rw then return P.invalid("unknown retry policy key " .. tostring(rk)) end
        if rw == "duration" then
          local ms, err = common.option_ms("retry_policy." .. rk, rv)
          if not ms then return P.invalid(err) end
          rp[rk .. "_ms"] = ms
        elseif rw == "number" then
          if type(rv) ~= "number" then return P.invalid("retry_policy." .. rk .. " must be a number") end
          rp[rk] = rv + 0.0
        elseif rw == "integer" then
          if math.type(rv) ~= "integer" and not (type(rv) == "number" and rv == math.floor(rv)) then
            return P.invalid("retry_policy." .. rk .. " must be an integer")
          end
          rp[rk] = math.floor(rv)
        else
          if type(rv) == "string" then rv = { rv } end
          if type(rv) ~= "table" then return P.invalid("retry_policy." .. rk .. " must be a list of strings") end
          local list = {}
          for i, s in ipairs(rv) do
            if type(s) ~= "string" then return P.invalid("retry_policy." .. rk .. " must be a list of strings") end
            list[i] = s
          end
          rp[rk] = list
        end
      end
      out.retry_policy = rp
    end
  end
  return out
end

"""#
}
