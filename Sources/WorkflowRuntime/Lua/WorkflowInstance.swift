/// Workflow prelude, part 5: the modules workflow code can `require`
/// (`funcs`, `time`, `workflow`, `ctx`, `uuid`, `crypto`, `json`, `errors`)
/// and the globals `process`, `channel`, `errors`, `coroutine`, `os`, `math`
/// — built once per `lua_State` and shared by every instance — and
/// `P.new_instance(spec)`, which creates one instance: its state and an
/// environment table over the shared globals.
///
/// Module functions act on the *current* instance (`P.current`, set by the
/// activation that runs): only one instance runs on a state at a time, and
/// an instance's coroutines run only inside its own activations. Sharing
/// the modules keeps a parked instance small (a few KiB).
///
/// `spec` = {source, chunkname, method, entry_id, modules = {name = true},
/// libraries = {alias = {source, chunkname}}}.
enum WorkflowInstance {
    static let source = #"""
local P = ...
local common, base = P.common, P.base
local pairs = base.pairs -- deterministic order
local errors = common.errors
local await, pack = P.await, table.pack

--- Stands for the current instance in every module function below.
local inst = setmetatable({}, {
  __index = function(_, k) return P.current[k] end,
  __newindex = function(_, k, v) P.current[k] = v end,
})

--- Appends a command of the current activation.
local function command(c)
  if P.read_only then
    error(P.read_only .. " may not change the workflow (it issued a " .. tostring(c.type) .. " command)", 3)
  end
  local cmds = P.current.commands
  cmds[#cmds + 1] = c
end
P.command = command


-- the workflow clock and deterministic randomness ---------------------
local os_proxy = setmetatable({}, { __index = base.os })
function os_proxy.time(t)
  if t ~= nil then return base.os.time(t) end
  return inst.now_ns // 1000000000
end
function os_proxy.clock() return (inst.now_ns - (inst.start_ns or inst.now_ns)) / 1e9 end
local math_proxy = setmetatable({}, { __index = base.math })
local function next_random()
  -- splitmix64 over the instance's state: the same sequence in every replay
  inst.rng = inst.rng + 0x9E3779B97F4A7C15
  local z = inst.rng
  z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
  z = (z ~ (z >> 27)) * 0x94D049BB133111EB
  return z ~ (z >> 31)
end
function math_proxy.random(m, n)
  local r = next_random()
  if m == nil then return (r >> 11) * (1.0 / 9007199254740992.0) end
  if n == nil then m, n = 1, m end
  if m > n then error("bad argument to 'random' (interval is empty)", 2) end
  return m + (r & 0x7FFFFFFFFFFFFFFF) % (n - m + 1)
end
function math_proxy.randomseed(seed) inst.rng = math.tointeger(seed) or 0 end


-- funcs -----------------------------------------------------------------
local funcs = {}
local function schedule(opts, id, ...)
  if type(id) ~= "string" or id == "" then return P.invalid("activity id must be a non-empty string") end
  local o, err = P.check_activity_options(opts or {})
  if not o then return nil, err end
  local args = pack(...)
  local too_large = P.check_payloads("activity " .. id, args, args.n)
  if too_large then return nil, too_large end
  inst.seq_activity = inst.seq_activity + 1
  local seq = inst.seq_activity
  command { type = "activity", seq = seq, activity_type = id, activity_id = o.id or tostring(seq),
    task_queue = o.task_queue or inst.info.task_queue, args = args, nargs = args.n,
    start_to_close_ms = o.start_to_close_timeout_ms
      or ((o.schedule_to_close_timeout_ms == nil) and 600000 or nil),
    schedule_to_close_ms = o.schedule_to_close_timeout_ms, schedule_to_start_ms = o.schedule_to_start_timeout_ms,
    heartbeat_ms = o.heartbeat_timeout_ms, retry_policy = o.retry_policy, context = inst.context }
  local f = P.new_future()
  inst.activities[seq] = f
  return f, seq
end

-- futures of funcs.async
local Async = {}
Async.__index = Async
function Async:result() return await(self.f) end
function Async:is_complete() return self.f.done end
function Async:channel()
  local ch = P.new_channel(1)
  self.f:on_resolve(function(v, err) P.offer(ch, err == nil and v or nil) end)
  return ch
end
function Async:cancel()
  if self.f.done then return true end
  if P.drop_unsent("activity", self.seq) then
    inst.activities[self.seq] = nil
    self.f:resolve(nil, errors.new { kind = "CANCELED", message = "activity cancelled before it was scheduled", retryable = false })
  else
    command { type = "cancel_activity", seq = self.seq }
  end
  return true
end
local function async(opts, id, ...)
  local f, seq = schedule(opts, id, ...)
  if not f then return nil, seq end
  return setmetatable({ f = f, seq = seq }, Async)
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
function Executor:async(id, ...) return async(self.options, id, ...) end
P.call_activity = function(opts, id, ...) return Executor.call({ options = opts }, id, ...) end
function funcs.new() return setmetatable({ options = {} }, Executor) end
function funcs.call(id, ...) return Executor.call({ options = {} }, id, ...) end
function funcs.async(id, ...) return async({}, id, ...) end

--- Removes a command issued in this activation (not sent yet).
function P.drop_unsent(kind, seq)
  for i = #inst.commands, 1, -1 do
    local c = inst.commands[i]
    if c.type == kind and c.seq == seq then table.remove(inst.commands, i); return true end
  end
  return false
end

-- time --------------------------------------------------------------------
local time = { NANOSECOND = 1, MICROSECOND = 1000, MILLISECOND = 1000000, SECOND = 1000000000,
  MINUTE = 60000000000, HOUR = 3600000000000 }
local function start_timer(ns, target)
  inst.seq_timer = inst.seq_timer + 1
  command { type = "timer", seq = inst.seq_timer, ns = ns }
  inst.timers[inst.seq_timer] = target
end
function time.now() return P.new_time(inst.now_ns) end
function time.sleep(d)
  local ns, err = P.duration_ns(d)
  if not ns then error("time.sleep: " .. err, 2) end
  if ns <= 0 then return end
  local f = P.new_future()
  start_timer(ns, f)
  await(f)
end
function time.after(d)
  local ns, err = P.duration_ns(d)
  if not ns then error("time.after: " .. err, 2) end
  local ch = P.new_channel(1)
  if ns <= 0 then P.offer(ch, P.new_time(inst.now_ns)) else start_timer(ns, ch) end
  return ch
end
function time.parse_duration(s)
  local ns, err = P.duration_ns(s)
  if not ns then return nil, errors.new { kind = "INVALID", message = err } end
  return P.new_duration(ns)
end

-- workflow ------------------------------------------------------------------
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
--- workflow.on_query(name, fn [, description]): fn(args...) answers the
--- query from the current state; it may not block or issue commands.
function workflow.on_query(name, fn, description)
  if type(name) ~= "string" or name == "" then error("workflow.on_query: name must be a non-empty string", 2) end
  if name:sub(1, 2) == "__" then error("workflow.on_query: names starting with __ are reserved", 2) end
  if type(fn) ~= "function" then error("workflow.on_query: handler must be a function", 2) end
  inst.queries[name] = { fn = fn, description = description }
end
--- workflow.on_update(name, fn [, validator [, description]]): an update
--- runs `fn(args...)` as a workflow coroutine once `validator(args...)`
--- (read-only, like a query handler) accepted it.
function workflow.on_update(name, fn, validator, description)
  if type(name) ~= "string" or name == "" then error("workflow.on_update: name must be a non-empty string", 2) end
  if name:sub(1, 2) == "__" then error("workflow.on_update: names starting with __ are reserved", 2) end
  if type(fn) ~= "function" then error("workflow.on_update: handler must be a function", 2) end
  if validator ~= nil and type(validator) ~= "function" then
    error("workflow.on_update: validator must be a function", 2)
  end
  inst.updates[name] = { fn = fn, validator = validator, description = description }
end
function workflow.version(change_id, min, max) return P.version(inst, change_id, min, max) end
function workflow.attrs(t) return P.attrs(inst, t) end
function workflow.exec(id, ...) return P.workflow_exec(id, ...) end
workflow.call = workflow.exec
function workflow.continue_as_new(...)
  local args = pack(...)
  P.finish(inst, { type = "continue_as_new", workflow_type = inst.info.workflow_type,
    task_queue = inst.info.task_queue, args = args, nargs = args.n, context = inst.context })
  return await(P.new_future())   -- never resumes: the run is over
end

local ctx = {}
function ctx.get(key)
  if type(key) ~= "string" or key == "" then return nil, errors.new { kind = "INVALID", message = "ctx.get: key must be a non-empty string" } end
  local v = inst.context[key]
  if v == nil then return nil, errors.new { kind = "NOT_FOUND", message = "no context value '" .. key .. "'" } end
  return v
end
function ctx.all()
  local copy = {}
  for k, v in pairs(inst.context) do copy[k] = v end
  return copy
end

-- process: signals as messages, children ------------------------------------
local process = P.process_module(inst)
P.children_api(inst, process)

local builtin = { funcs = funcs, time = time, workflow = workflow, errors = errors, json = P.json,
  uuid = P.uuid_module(inst), crypto = P.crypto_module(inst), ctx = ctx }

local shared = setmetatable({ os = os_proxy, math = math_proxy, coroutine = P.coroutine_lib(),
  errors = errors, channel = P.channel_module, process = process }, { __index = base })
local env_mt = { __index = shared }

function P.new_instance(spec)
  local i = { spec = spec, commands = {}, coroutines = {}, activities = {}, timers = {},
    seq_activity = 0, seq_timer = 0, seq_side_effect = 0, seq_child = 0, seq_external = 0,
    now_ns = 0, finished = false, info = {}, rng = 0, context = {},
    history_length = 0, history_size = 0, replaying = false,
    side_effects = {}, versions = {}, versions_seen = {}, change_versions = {},
    signals = { pending = {}, listeners = {}, inbox = nil },
    children = {}, externals = {}, pending_events = {}, queries = {}, updates = {}, update_queue = {} }
  local env = setmetatable({}, env_mt)
  env._G = env
  env.require = common.make_require(env, spec, builtin)
  i.env = env
  return i
end

--- Starts a workflow coroutine of the current instance.
function P.spawn(f, ...)
  local list = P.current.coroutines
  local rec = { co = coroutine.create(f), args = pack(...) }
  list[#list + 1] = rec
  return rec
end
"""#
}
