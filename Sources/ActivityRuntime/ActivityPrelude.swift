/// The activity prelude: loads `function.lua` entries into their own
/// environments and calls them, turning results and errors into plain
/// tables. Evaluated once per `lua_State` with `(common, base, json, host,
/// process_source)`; returns `{load, call}`.
enum ActivityPrelude {
    static let source = #"""
local common, base, json, host, process_source = ...
local errors, ErrorMT = common.errors, common.ErrorMT
local pack, unpack = table.pack, table.unpack
local traceback = debug.traceback

local current = nil   -- the activity task being run (info table)

local activity = {}
function activity.info()
  local i = {}
  for k, v in pairs(current or {}) do i[k] = v end
  return i
end
--- Records progress; sent to the server throttled (0.8 × heartbeat
--- timeout, at most every 30 s without one). The details come back in
--- `info().heartbeat_details` on the next attempt.
function activity.heartbeat(details)
  if current then current.heartbeat_details = details end
  host.heartbeat(details)
end
--- True once cancellation was requested, the heartbeat timed out (the
--- server forgot the activity) or the daemon is shutting down.
function activity.is_cancelled() return host.cancel_reason() ~= nil end
--- Why the activity was asked to stop, or nil.
function activity.cancel_reason() return host.cancel_reason() end

local time = { NANOSECOND = 1, MICROSECOND = 1000, MILLISECOND = 1000000, SECOND = 1000000000,
  MINUTE = 60000000000, HOUR = 3600000000000 }
function time.now_unix_nano() return host.now_ns() end
function time.sleep(d)
  local ns = d
  if type(d) == "string" then
    local err
    ns, err = common.parse_duration_ns(d)
    if not ns then error("time.sleep: " .. err, 2) end
  elseif type(d) == "table" and d.ns then ns = d.ns end
  if type(ns) ~= "number" then error("time.sleep expects a duration", 2) end
  -- true when cut short by cancellation (check activity.is_cancelled())
  return host.sleep_ns(math.floor(ns))
end
function time.parse_duration(s)
  local ns, err = common.parse_duration_ns(s)
  if not ns then return nil, errors.new { kind = "INVALID", message = err } end
  return { ns = ns }
end

local env_module = {}
function env_module.get(name) return host.getenv(name) end

local ctx = {}
function ctx.get(key)
  if type(key) ~= "string" or key == "" then return nil, errors.new { kind = "INVALID", message = "ctx.get: key must be a non-empty string" } end
  local v = current and current.context and current.context[key]
  if v == nil then return nil, errors.new { kind = "NOT_FOUND", message = "no context value '" .. key .. "'" } end
  return v
end
function ctx.all()
  local copy = {}
  for k, v in pairs(current and current.context or {}) do copy[k] = v end
  return copy
end

local process = load(process_source, "=moonflow/activity_process.lua", "t")(common, host, function() return current end)

local builtin = { json = json, time = time, errors = errors, env = env_module, ctx = ctx }

local M = {}

--- Loads an entry: {source, chunkname, method, entry_id, modules, libraries}.
--- Returns the function to call, or raises with the load error.
function M.load(spec)
  local env = setmetatable({}, { __index = base })
  env._G = env
  env.errors = errors
  env.activity = activity
  env.process = process
  env.require = common.make_require(env, spec, builtin)
  local chunk, err = load(spec.source, spec.chunkname, "t", env)
  if not chunk then error(err, 0) end
  return common.entry_function(chunk(), env, spec)
end

--- The traceback of an activity's error without the frames below its entry
--- function (the `xpcall` in `M.call` and this prelude's own lines), so the
--- failure shows only the activity code's lines.
local function user_traceback(tb)
  local lines = {}
  for line in tb:gmatch("[^\n]+") do lines[#lines + 1] = line end
  while #lines > 1 and (lines[#lines]:find("moonflow/", 1, true) or lines[#lines] == "\t[C]: in ?") do
    lines[#lines] = nil
  end
  if lines[#lines] == "\t[C]: in function 'xpcall'" then lines[#lines] = nil end
  return table.concat(lines, "\n")
end

local function on_error(e)
  return { value = e, traceback = user_traceback(traceback(nil, 2)) }
end

--- Calls a loaded function. Returns {ok=true, value=} or {ok=false, error=}.
function M.call(fn, info, args, nargs)
  current = info
  local r = pack(xpcall(fn, on_error, unpack(args or {}, 1, nargs or 0)))
  current = nil
  if not r[1] then
    local e, tb = r[2].value, r[2].traceback
    if type(e) == "string" or e == nil then
      return { ok = false, error = { kind = "INTERNAL", message = tostring(e), traceback = tb } }
    end
    local t = common.error_to_host(e)
    t.traceback = t.traceback or tb
    return { ok = false, error = t }
  end
  if r[3] ~= nil then return { ok = false, error = common.error_to_host(r[3]) } end
  return { ok = true, value = r[2] }
end

return M
"""#
}
