/// The workflow prelude: a deterministic scheduler written in Lua plus the
/// workflow-side modules (`funcs`, `time`, `workflow`). Evaluated once per
/// `lua_State` with `(common, base_env, json)`; returns `{new_instance, activate}`.
///
/// Every workflow instance gets its own environment table whose metatable
/// falls back to the shared sandboxed base, so instances on one state share
/// nothing they can write. Workflow coroutines block by yielding a private
/// sentinel to the scheduler; wrapped `coroutine.resume`/`wrap` pass such
/// yields through user coroutines, so generators keep working.
enum WorkflowPrelude {
    static let source = #"""
local common, base, json = ...
local errors, ErrorMT = common.errors, common.ErrorMT
local raw_create, raw_resume, raw_yield = coroutine.create, coroutine.resume, coroutine.yield
local raw_status, raw_running, raw_close = coroutine.status, coroutine.running, coroutine.close
local traceback = debug.traceback
local pack, unpack = table.pack, table.unpack
local BLOCK = setmetatable({}, { __name = "moonflow.block" })

-- Futures: resolved once by a job; coroutines wait on them. --------------
local Future = {}
Future.__index = Future
local function new_future() return setmetatable({ done = false }, Future) end
function Future:ready() return self.done end
function Future:take() return unpack(self.values, 1, self.values.n) end
function Future:resolve(...) self.done = true; self.values = pack(...) end

--- Blocks the running workflow coroutine until `waitable` is ready.
local function await(waitable)
  if waitable:ready() then return waitable:take() end
  local _, is_main = raw_running()
  if is_main then error("a blocking workflow call was made outside a workflow coroutine", 2) end
  return raw_yield(BLOCK, waitable)
end

-- Coroutines that pass blocking yields through to the scheduler. ---------
local function resume_through(co, ...)
  local r = pack(raw_resume(co, ...))
  while r[1] and r[2] == BLOCK and raw_status(co) == "suspended" do
    local back = pack(raw_yield(BLOCK, r[3]))
    r = pack(raw_resume(co, unpack(back, 1, back.n)))
  end
  return unpack(r, 1, r.n)
end

local function make_coroutine_lib(inst)
  local lib = {}
  for k, v in pairs(coroutine) do lib[k] = v end
  lib.resume = resume_through
  function lib.wrap(f)
    local co = raw_create(f)
    return function(...)
      local r = pack(resume_through(co, ...))
      if not r[1] then error(r[2], 0) end
      return unpack(r, 2, r.n)
    end
  end
  function lib.spawn(f, ...)
    if type(f) ~= "function" then error("coroutine.spawn expects a function", 2) end
    inst.spawn(f, ...)
  end
  return lib
end

-- Time and Duration values. ----------------------------------------------
local Duration = { __name = "moonflow.duration" }
Duration.__index = Duration
local function new_duration(ns) return setmetatable({ ns = ns }, Duration) end
function Duration:nanoseconds() return self.ns end
function Duration:microseconds() return self.ns / 1e3 end
function Duration:milliseconds() return self.ns / 1e6 end
function Duration:seconds() return self.ns / 1e9 end
function Duration:minutes() return self.ns / 6e10 end
function Duration:hours() return self.ns / 3.6e12 end
Duration.__tostring = function(d) return tostring(d.ns / 1e9) .. "s" end
Duration.__eq = function(a, b) return a.ns == b.ns end
Duration.__lt = function(a, b) return a.ns < b.ns end

local Time = { __name = "moonflow.time" }
Time.__index = Time
local function new_time(ns) return setmetatable({ ns = ns }, Time) end
function Time:unix() return self.ns // 1000000000 end
function Time:unix_nano() return self.ns end
function Time:unix_milli() return self.ns // 1000000 end
function Time:sub(other) return new_duration(self.ns - other.ns) end
function Time:add(d) return new_time(self.ns + (type(d) == "table" and d.ns or d)) end
function Time:before(o) return self.ns < o.ns end
function Time:after(o) return self.ns > o.ns end
function Time:equal(o) return self.ns == o.ns end
function Time:format_rfc3339()
  local secs, frac = self.ns // 1000000000, self.ns % 1000000000
  local s = os.date("!%Y-%m-%dT%H:%M:%S", secs)
  if frac ~= 0 then s = s .. ("." .. string.format("%09d", frac)):gsub("0+$", "") end
  return s .. "Z"
end
Time.__tostring = Time.format_rfc3339
Time.__eq = function(a, b) return a.ns == b.ns end
Time.__lt = function(a, b) return a.ns < b.ns end

--- time-module durations: numbers are nanoseconds.
local function duration_ns(d)
  if type(d) == "number" then return math.floor(d) end
  if getmetatable(d) == Duration then return d.ns end
  if type(d) == "string" then return common.parse_duration_ns(d) end
  return nil, "duration must be a string like \"5s\", a number of nanoseconds or a Duration, got " .. type(d)
end

-- Activity options. ---------------------------------------------------------
local ACTIVITY_KEYS = {
  ["activity.start_to_close_timeout"] = "duration", ["activity.schedule_to_close_timeout"] = "duration",
  ["activity.schedule_to_start_timeout"] = "duration", ["activity.heartbeat_timeout"] = "duration",
  ["activity.task_queue"] = "string", ["activity.id"] = "string", ["activity.retry_policy"] = "table",
}
local RETRY_KEYS = { initial_interval = "duration", backoff_coefficient = "number", maximum_interval = "duration",
  maximum_attempts = "integer", non_retryable_error_types = "list" }

local function invalid(msg) return nil, errors.new { kind = "INVALID", message = msg, retryable = false } end

local function check_options(opts)
  local out = {}
  for key, value in pairs(opts) do
    local k = type(key) == "string" and key:gsub("^temporal%.", "") or key
    local want = ACTIVITY_KEYS[k]
    if not want then return invalid("unknown activity option " .. tostring(key)) end
    if want == "duration" then
      local ms, err = common.option_ms(k, value)
      if not ms then return invalid(err) end
      out[k:sub(10) .. "_ms"] = ms
    elseif want == "string" then
      if type(value) ~= "string" or value == "" then return invalid(k .. " must be a non-empty string") end
      out[k:sub(10)] = value
    else
      if type(value) ~= "table" then return invalid(k .. " must be a table") end
      local rp = {}
      for rk, rv in pairs(value) do
        local rw = RETRY_KEYS[rk]
        if not rw then return invalid("unknown retry policy key " .. tostring(rk)) end
        if rw == "duration" then
          local ms, err = common.option_ms("retry_policy." .. rk, rv)
          if not ms then return invalid(err) end
          rp[rk .. "_ms"] = ms
        elseif rw == "number" then
          if type(rv) ~= "number" then return invalid("retry_policy." .. rk .. " must be a number") end
          rp[rk] = rv + 0.0
        elseif rw == "integer" then
          if math.type(rv) ~= "integer" and not (type(rv) == "number" and rv == math.floor(rv)) then
            return invalid("retry_policy." .. rk .. " must be an integer")
          end
          rp[rk] = math.floor(rv)
        else
          if type(rv) == "string" then rv = { rv } end
          if type(rv) ~= "table" then return invalid("retry_policy." .. rk .. " must be a list of strings") end
          local list = {}
          for i, s in ipairs(rv) do
            if type(s) ~= "string" then return invalid("retry_policy." .. rk .. " must be a list of strings") end
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

-- Instances. ----------------------------------------------------------------
local M = {}

--- Creates one workflow instance. `spec` = {source, chunkname, method,
--- entry_id, modules = {name=true}, libraries = {alias = {source, chunkname}},
--- activity_types = {id=true}}.
function M.new_instance(spec)
  local inst = { spec = spec, commands = {}, coroutines = {}, activities = {}, timers = {},
    seq_activity = 0, seq_timer = 0, now_ns = 0, finished = false, info = {}, rng = 0,
    history_length = 0, history_size = 0, replaying = false }
  local env = setmetatable({}, { __index = base })
  env._G = env
  inst.env = env

  local function command(c) inst.commands[#inst.commands + 1] = c end
  inst.command = command

  -- the workflow clock and deterministic randomness
  local os_proxy = setmetatable({}, { __index = base.os })
  function os_proxy.time(t)
    if t ~= nil then return base.os.time(t) end
    return inst.now_ns // 1000000000
  end
  function os_proxy.clock() return (inst.now_ns - (inst.start_ns or inst.now_ns)) / 1e9 end
  env.os = os_proxy
  local math_proxy = setmetatable({}, { __index = base.math })
  local function next_random()
    -- splitmix64 over the instance state: the same sequence in every replay
    inst.rng = inst.rng + 0x9E3779B97F4A7C15
    local z = inst.rng
    z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ~ (z >> 27)) * 0x94D049BB133111EB
    return z ~ (z >> 31)
  end
  function math_proxy.random(m, n)
    local r = next_random()
    if m == nil then return ((r >> 11) * (1.0 / 9007199254740992.0)) end
    if n == nil then m, n = 1, m end
    if m > n then error("bad argument to 'random' (interval is empty)", 2) end
    return m + (r & 0x7FFFFFFFFFFFFFFF) % (n - m + 1)
  end
  function math_proxy.randomseed(seed) inst.rng = math.tointeger(seed) or 0 end
  env.math = math_proxy

  env.coroutine = make_coroutine_lib(inst)
  env.errors = errors

  -- modules --------------------------------------------------------------
  local funcs = {}
  local function schedule(opts, id, ...)
    if type(id) ~= "string" or id == "" then return invalid("activity id must be a non-empty string") end
    local o, err = check_options(opts or {})
    if not o then return nil, err end
    inst.seq_activity = inst.seq_activity + 1
    local seq = inst.seq_activity
    local args = pack(...)
    command { type = "activity", seq = seq, activity_type = id, activity_id = o.id or tostring(seq),
      task_queue = o.task_queue or inst.info.task_queue, args = args, nargs = args.n,
      start_to_close_ms = o.start_to_close_timeout_ms
        or ((o.schedule_to_close_timeout_ms == nil) and 600000 or nil),
      schedule_to_close_ms = o.schedule_to_close_timeout_ms, schedule_to_start_ms = o.schedule_to_start_timeout_ms,
      heartbeat_ms = o.heartbeat_timeout_ms, retry_policy = o.retry_policy }
    local f = new_future()
    inst.activities[seq] = f
    return f
  end
  local Executor = {}
  Executor.__index = Executor
  function Executor:with_options(o)
    if type(o) ~= "table" then error("with_options expects a table", 2) end
    local merged = {}
    for k, v in pairs(self.options) do merged[k] = v end
    for k, v in pairs(o) do merged[k] = v end
    return setmetatable({ options = merged }, Executor)
  end
  function Executor:call(id, ...)
    local f, err = schedule(self.options, id, ...)
    if not f then return nil, err end
    return await(f)
  end
  function funcs.new() return setmetatable({ options = {} }, Executor) end
  function funcs.call(id, ...) return Executor.call({ options = {} }, id, ...) end

  local time = { NANOSECOND = 1, MICROSECOND = 1000, MILLISECOND = 1000000, SECOND = 1000000000,
    MINUTE = 60000000000, HOUR = 3600000000000 }
  function time.now() return new_time(inst.now_ns) end
  function time.sleep(d)
    local ns, err = duration_ns(d)
    if not ns then error("time.sleep: " .. err, 2) end
    if ns <= 0 then return end
    inst.seq_timer = inst.seq_timer + 1
    local seq = inst.seq_timer
    command { type = "timer", seq = seq, ns = ns }
    local f = new_future()
    inst.timers[seq] = f
    await(f)
  end
  function time.parse_duration(s)
    local ns, err = duration_ns(s)
    if not ns then return nil, errors.new { kind = "INVALID", message = err } end
    return new_duration(ns)
  end

  local workflow = { DEFAULT_VERSION = -1 }
  function workflow.info()
    local i = {}
    for k, v in pairs(inst.info) do i[k] = v end
    i.history_length = inst.history_length
    i.history_size = inst.history_size
    return i
  end
  function workflow.history_length() return inst.history_length end
  function workflow.history_size() return inst.history_size end
  function workflow.is_replaying() return inst.replaying end

  local builtin = { funcs = funcs, time = time, workflow = workflow, errors = errors, json = json }
  local loaded = {}
  function env.require(name)
    if loaded[name] ~= nil then return loaded[name] end
    local lib = spec.libraries and spec.libraries[name]
    if lib then
      local chunk, err = load(lib.source, lib.chunkname, "t", env)
      if not chunk then error(err, 0) end
      loaded[name] = chunk() or true
      return loaded[name]
    end
    if not (spec.modules and spec.modules[name]) then
      error("module '" .. tostring(name) .. "' is not listed in modules of " .. spec.entry_id, 2)
    end
    local m = builtin[name]
    if m == nil then
      error("module '" .. tostring(name) .. "' is not available in this Moonflow version", 2)
    end
    loaded[name] = m
    return m
  end

  -- scheduling -------------------------------------------------------------
  function inst.spawn(f, ...)
    local rec = { co = raw_create(f), args = pack(...) }
    inst.coroutines[#inst.coroutines + 1] = rec
    return rec
  end
  return inst
end

local function finish(inst, cmd)
  if inst.finished then return end
  inst.finished = true
  inst.command(cmd)
end

local function fail_with(inst, err)
  finish(inst, { type = "fail", error = common.error_to_host(err) })
end

--- Runs one coroutine step; returns a task failure table on a bug.
local function step(inst, rec, ...)
  local r = pack(raw_resume(rec.co, ...))
  if not r[1] then
    local e = r[2]
    if type(e) == "string" or e == nil then
      return { message = tostring(e), traceback = traceback(rec.co, nil, 0) }
    end
    if getmetatable(e) == ErrorMT and e._traceback == nil then e._traceback = traceback(rec.co, nil, 0) end
    fail_with(inst, e)
    return nil
  end
  if raw_status(rec.co) == "dead" then
    rec.dead = true
    if rec.main then
      local value, err = r[2], r[3]
      if err ~= nil then fail_with(inst, err)
      else finish(inst, { type = "complete", value = value }) end
    end
    return nil
  end
  if r[2] ~= BLOCK then
    return { message = "coroutine.yield was called outside a coroutine of the workflow's own (use coroutine.wrap or coroutine.create for generators)",
      traceback = traceback(rec.co, nil, 0) }
  end
  rec.waiting = r[3]
  return nil
end

local function run_until_blocked(inst)
  local progressed = true
  while progressed and not inst.finished do
    progressed = false
    local i = 1
    while i <= #inst.coroutines and not inst.finished do
      local rec = inst.coroutines[i]
      if not rec.dead then
        local failure
        if rec.args then
          local a = rec.args
          rec.args = nil
          failure = step(inst, rec, unpack(a, 1, a.n))
          progressed = true
        elseif rec.waiting and rec.waiting:ready() then
          local w = rec.waiting
          rec.waiting = nil
          failure = step(inst, rec, w:take())
          progressed = true
        end
        if failure then return failure end
      end
      i = i + 1
    end
  end
  return nil
end

local function start(inst, job)
  inst.info = job.info or {}
  inst.rng = job.seed or 0
  inst.start_ns = inst.now_ns
  local spec = inst.spec
  local chunk, err = load(spec.source, spec.chunkname, "t", inst.env)
  if not chunk then return { message = err, traceback = "" } end
  local args, nargs = job.args or {}, job.nargs or 0
  local rec = inst.spawn(function()
    local module = chunk()
    local fn = module
    if type(module) == "table" then fn = module[spec.method] end
    if fn == nil and module == nil then fn = rawget(inst.env, spec.method) end
    if type(fn) ~= "function" then
      error(spec.chunkname:gsub("^@", "") .. " must return a function or a table with function '" .. spec.method
        .. "' (got " .. type(fn) .. ")", 0)
    end
    return fn(unpack(args, 1, nargs))
  end)
  rec.main = true
  return nil
end

--- Applies every job of an activation, then runs ready coroutines in
--- creation order until all are blocked. Returns {commands = {...}} or
--- {task_failure = {message, traceback}}.
function M.activate(inst, a)
  inst.now_ns = a.now_ns
  inst.replaying = a.replaying
  inst.history_length = a.history_length
  inst.history_size = a.history_size
  inst.commands = {}
  for _, job in ipairs(a.jobs or {}) do
    local t = job.type
    if t == "start" then
      local failure = start(inst, job)
      if failure then return { task_failure = failure } end
    elseif t == "activity" then
      local f = inst.activities[job.seq]
      if f then
        inst.activities[job.seq] = nil
        if job.ok then f:resolve(job.value, nil) else f:resolve(nil, common.error_from_host(job.error)) end
      end
    elseif t == "timer" then
      local f = inst.timers[job.seq]
      if f then inst.timers[job.seq] = nil; f:resolve() end
    end
  end
  local failure = run_until_blocked(inst)
  if failure then return { task_failure = failure } end
  return { commands = inst.commands }
end

return M
"""#
}
