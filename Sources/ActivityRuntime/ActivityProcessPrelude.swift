/// The `process` global of activities (SPEC §2 "Starting options", §3):
/// starting and steering workflows through the host's WorkflowService
/// client. Evaluated by the activity prelude with `(common, host, current)`
/// where `current()` is the running task's info; returns the table.
///
/// Every function returns `value` or `nil, err` (`true` or `nil, err` for
/// send/cancel/terminate); bad input is an `INVALID` error, never a raised
/// Lua error. Spawners chain: `with_options`, `with_name`, `with_message`,
/// `with_context`; a bad argument to one is reported by the final call.
enum ActivityProcessPrelude {
    static let source = #"""
local common, host, current = ...
local errors = common.errors
local pack, unpack = table.pack, table.unpack

local EVENT = { EXIT = "pid.exit", CANCEL = "pid.cancel", LINK_DOWN = "pid.link.down" }
local process = { event = EVENT }

local function invalid(msg) return nil, errors.new { kind = "INVALID", message = msg, retryable = false } end

--- Turns the host's {ok, value | error} answer into value or nil, err.
local function answer(r)
  if r.ok then return r.value end
  return nil, common.error_from_host(r.error)
end

local function pid_string(pid, fn)
  if type(pid) == "string" and pid ~= "" then return pid end
  if type(pid) == "table" or type(pid) == "userdata" then
    local s = tostring(pid)
    if s ~= "" then return s end
  end
  return nil, select(2, invalid("process." .. fn .. ": pid must be a workflow id string, got " .. type(pid)))
end

local function copy(t)
  local c = {}
  for k, v in pairs(t or {}) do c[k] = v end
  return c
end

local Spawner = {}
Spawner.__index = Spawner
local function spawner(fields) return setmetatable(fields, Spawner) end
local function derive(self, changes)
  local s = { options = self.options, context = self.context, messages = self.messages, problem = self.problem }
  for k, v in pairs(changes) do s[k] = v end
  return spawner(s)
end

function Spawner:with_options(o)
  if self.problem then return self end
  if type(o) ~= "table" then return derive(self, { problem = "with_options expects a table, got " .. type(o) }) end
  local merged = copy(self.options)
  for k, v in pairs(o) do merged[k] = v end
  return derive(self, { options = merged })
end
function Spawner:with_name(name)
  if self.problem then return self end
  if type(name) ~= "string" or name == "" then
    return derive(self, { problem = "with_name expects a non-empty string, got " .. type(name) })
  end
  return self:with_options({ ["temporal.workflow.id"] = name })
end
function Spawner:with_context(c)
  if self.problem then return self end
  if type(c) ~= "table" then return derive(self, { problem = "with_context expects a table, got " .. type(c) }) end
  local merged = copy(self.context)
  for k, v in pairs(c) do merged[k] = v end
  return derive(self, { context = merged })
end
function Spawner:with_message(topic, data)
  if self.problem then return self end
  if type(topic) ~= "string" or topic == "" then
    return derive(self, { problem = "with_message expects a non-empty topic string, got " .. type(topic) })
  end
  local messages = copy(self.messages)
  messages[#messages + 1] = { topic = topic, data = data }
  return derive(self, { messages = messages })
end

--- The start spec the host reads; the caller's context is inherited.
local function spec_of(self, id, worker, mode)
  if self.problem then return invalid(self.problem) end
  if type(id) ~= "string" or id == "" then return invalid("process." .. mode .. ": workflow entry id must be a non-empty string") end
  if worker ~= nil and type(worker) ~= "string" then
    return invalid("process." .. mode .. ": worker must be a temporal.worker id or a task queue name, got " .. type(worker))
  end
  local info = current() or {}
  local ctx = copy(info.context)
  for k, v in pairs(self.context) do ctx[k] = v end
  return { entry = id, worker = worker, options = self.options, context = ctx, messages = self.messages,
    from = info.workflow_id }
end

function Spawner:spawn(id, worker, ...)
  local spec, err = spec_of(self, id, worker, "spawn")
  if not spec then return nil, err end
  local started, serr = answer(host.process_start(spec, ...))
  if not started then return nil, serr end
  return started.pid
end
function Spawner:spawn_monitored(id, worker, ...)
  local pid, err = self:spawn(id, worker, ...)
  if not pid then return nil, err end
  local ok, merr = answer(host.process_watch("monitor", pid))
  if not ok then return nil, merr end
  return pid
end
function Spawner:exec(id, worker, ...)
  local spec, err = spec_of(self, id, worker, "exec")
  if not spec then return nil, err end
  return answer(host.process_exec(spec, ...))
end

local root = spawner({ options = {}, context = {}, messages = {} })
function process.with_options(o) return root:with_options(o) end
function process.with_name(n) return root:with_name(n) end
function process.with_context(c) return root:with_context(c) end
function process.with_message(t, d) return root:with_message(t, d) end
function process.spawn(id, worker, ...) return root:spawn(id, worker, ...) end
function process.spawn_monitored(id, worker, ...) return root:spawn_monitored(id, worker, ...) end
function process.exec(id, worker, ...) return root:exec(id, worker, ...) end

function process.send(pid, topic, ...)
  local target, err = pid_string(pid, "send")
  if not target then return nil, err end
  if type(topic) ~= "string" or topic == "" then return invalid("process.send: topic must be a non-empty string") end
  local info = current() or {}
  return answer(host.process_send(target, topic, info.workflow_id, ...))
end
function process.cancel(pid, deadline)
  local target, err = pid_string(pid, "cancel")
  if not target then return nil, err end
  if deadline ~= nil and type(deadline) ~= "string" and type(deadline) ~= "number" then
    return invalid("process.cancel: deadline must be a duration string or a number of milliseconds")
  end
  return answer(host.process_cancel(target, deadline))
end
function process.terminate(pid, reason)
  local target, err = pid_string(pid, "terminate")
  if not target then return nil, err end
  if reason ~= nil and type(reason) ~= "string" then return invalid("process.terminate: reason must be a string") end
  return answer(host.process_terminate(target, reason or "terminated by an activity"))
end
for _, name in ipairs({ "monitor", "unmonitor", "link", "unlink" }) do
  local op = name
  process[name] = function(pid)
    local target, err = pid_string(pid, name)
    if not target then return nil, err end
    if op == "unmonitor" or op == "unlink" then return answer(host.process_unwatch(op:sub(3), target)) end
    return answer(host.process_watch(op, target))
  end
end

--- Events of monitored and linked workflows. `ch:receive([timeout])`
--- blocks this activity until an event arrives: `ev, true`; after the
--- timeout (a duration or milliseconds) `nil, false`.
local Events = {}
Events.__index = Events
local events = setmetatable({}, Events)
function Events:receive(timeout)
  if timeout ~= nil and type(timeout) ~= "string" and type(timeout) ~= "number" then
    return invalid("events:receive: timeout must be a duration string or a number of milliseconds")
  end
  local r = host.process_receive(timeout)
  if not r.ok then return nil, common.error_from_host(r.error) end
  local ev = r.value
  if ev == nil then return nil, false end
  if ev.result and ev.result.error then ev.result.error = common.error_from_host(ev.result.error) end
  return ev, true
end
function process.events() return events end

return process
"""#
}
