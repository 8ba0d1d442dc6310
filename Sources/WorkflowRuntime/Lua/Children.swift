/// Workflow prelude, part: child workflows, monitoring and messages to
/// other workflows from inside a workflow — `process.spawn`,
/// `spawn_monitored`, `exec`, `send`, `cancel`, `events`, `with_options`,
/// `with_context`, and `workflow.exec`. A pid is the workflow id string.
enum Children {
    static let source = #"""
local P = ...
local pairs = P.base.pairs -- deterministic order
local errors = P.common.errors
local await, pack = P.await, table.pack

local EVENT = { EXIT = "pid.exit", CANCEL = "pid.cancel", LINK_DOWN = "pid.link.down" }
--- The activity type the daemon itself handles to terminate a workflow.
P.TERMINATE_ACTIVITY = "moonflow.terminate_workflow"
P.EVENT = EVENT

local PARENT_CLOSE = { terminate = 1, abandon = 2, request_cancel = 3 }
local REUSE = { allow_duplicate = 1, allow_duplicate_failed_only = 2, reject_duplicate = 3 }
local CHILD_KEYS = { id = "string", task_queue = "string", execution_timeout = "duration", run_timeout = "duration",
  task_timeout = "duration", id_reuse_policy = "enum", parent_close_policy = "enum", retry_policy = "table",
  cron_schedule = "string", memo = "table", search_attributes = "table", namespace = "string",
  wait_for_cancellation = "boolean", id_conflict_policy = "string",
  execution_error_when_already_started = "boolean", enable_eager_start = "boolean", start_delay = "duration" }

local function check_child_options(opts)
  local out = {}
  for key, value in pairs(opts) do
    local k = type(key) == "string" and key:gsub("^temporal%.", ""):gsub("^workflow%.", "") or key
    local want = CHILD_KEYS[k]
    if not want then return P.invalid("unknown workflow option " .. tostring(key)) end
    if want == "duration" then
      local ms, err = P.common.option_ms(k, value)
      if not ms then return P.invalid(err) end
      out[k .. "_ms"] = ms
    elseif want == "enum" then
      local map = k == "parent_close_policy" and PARENT_CLOSE or REUSE
      local v = type(value) == "string" and map[value:lower():gsub("-", "_")] or nil
      if not v then return P.invalid("workflow." .. k .. ": unknown value " .. tostring(value)) end
      out[k] = v
    elseif type(value) ~= want then
      return P.invalid("workflow." .. k .. " must be a " .. want .. ", got " .. type(value))
    else
      out[k] = value
    end
  end
  if out.retry_policy then
    local o, err = P.check_activity_options({ ["activity.retry_policy"] = out.retry_policy })
    if not o then return nil, err end
    out.retry_policy = o.retry_policy
  end
  return out
end

--- Adds the child and external functions to the shared `process` table;
--- `inst` stands for the current instance.
function P.children_api(inst, process)
  local function emit_event(ev)
    if inst.events_ch then P.offer(inst.events_ch, ev) else inst.pending_events[#inst.pending_events + 1] = ev end
  end
  P.emit_event = emit_event

  function process.events()
    if not inst.events_ch then
      inst.events_ch = P.new_channel(math.maxinteger)
      for _, ev in ipairs(inst.pending_events) do P.offer(inst.events_ch, ev) end
      inst.pending_events = {}
    end
    return inst.events_ch
  end
  process.event = EVENT

  local function qualify(id)
    if type(id) == "string" and not id:find(":", 1, true) then return inst.spec.namespace .. ":" .. id end
    return id
  end
  local function queue_of(worker)
    if worker == nil or worker == "" then return inst.info.task_queue end
    if type(worker) ~= "string" then return nil end
    local queues = inst.spec.worker_queues
    return queues[qualify(worker)] or queues[worker] or worker
  end
  local function type_of(id)
    local types = inst.spec.workflow_types
    return types[id] or types[qualify(id)] or id
  end

  --- Starts a child; returns its record or nil, err.
  local function start_child(options, context, id, worker, ...)
    if type(id) ~= "string" or id == "" then return P.invalid("workflow id to start must be a non-empty string") end
    local queue = queue_of(worker)
    if not queue then return P.invalid("worker must be a temporal.worker id or a task queue name") end
    local o, err = check_child_options(options or {})
    if not o then return nil, err end
    local args = pack(...)
    local too_large = P.check_payloads("child workflow " .. id, args, args.n)
    if too_large then return nil, too_large end
    inst.seq_child = inst.seq_child + 1
    local seq = inst.seq_child
    local wid = o.id or (inst.info.workflow_id .. "/" .. seq)
    local ctx = {}
    for k, v in pairs(inst.context) do ctx[k] = v end
    for k, v in pairs(context or {}) do ctx[k] = v end
    P.command { type = "child", seq = seq, workflow_id = wid, workflow_type = type_of(id),
      task_queue = o.task_queue or queue, args = args, nargs = args.n,
      execution_timeout_ms = o.execution_timeout_ms, run_timeout_ms = o.run_timeout_ms,
      task_timeout_ms = o.task_timeout_ms, parent_close_policy = o.parent_close_policy,
      id_reuse_policy = o.id_reuse_policy, retry_policy = o.retry_policy, cron_schedule = o.cron_schedule,
      memo = o.memo, search = o.search_attributes, context = ctx }
    local rec = { pid = wid, started = P.new_future(), result = P.new_future() }
    inst.children[seq] = rec
    return rec
  end

  local function spawn(options, context, monitored, id, worker, ...)
    local rec, err = start_child(options, context, id, worker, ...)
    if not rec then return nil, err end
    rec.monitored = monitored
    local _, start_err = await(rec.started)
    if start_err then return nil, start_err end
    return rec.pid
  end
  local function exec(options, context, id, worker, ...)
    local rec, err = start_child(options, context, id, worker, ...)
    if not rec then return nil, err end
    return await(rec.result)
  end

  local Spawner = {}
  Spawner.__index = Spawner
  local function spawner(options, context) return setmetatable({ options = options, context = context }, Spawner) end
  function Spawner:with_options(o)
    if type(o) ~= "table" then error("with_options expects a table", 2) end
    local merged = {}
    for k, v in pairs(self.options) do merged[k] = v end
    for k, v in pairs(o) do merged[k] = v end
    return spawner(merged, self.context)
  end
  function Spawner:with_context(c)
    if type(c) ~= "table" then error("with_context expects a table", 2) end
    local merged = {}
    for k, v in pairs(self.context) do merged[k] = v end
    for k, v in pairs(c) do merged[k] = v end
    return spawner(self.options, merged)
  end
  function Spawner:with_name(name)
    return self:with_options({ ["temporal.workflow.id"] = name })
  end
  function Spawner:spawn(id, worker, ...) return spawn(self.options, self.context, true, id, worker, ...) end
  function Spawner:spawn_monitored(id, worker, ...) return spawn(self.options, self.context, true, id, worker, ...) end
  function Spawner:exec(id, worker, ...) return exec(self.options, self.context, id, worker, ...) end

  function process.with_options(o) return spawner({}, {}):with_options(o) end
  function process.with_context(c) return spawner({}, {}):with_context(c) end
  function process.spawn(id, worker, ...) return spawn({}, {}, true, id, worker, ...) end
  function process.spawn_monitored(id, worker, ...) return spawn({}, {}, true, id, worker, ...) end
  function process.exec(id, worker, ...) return exec({}, {}, id, worker, ...) end
  P.workflow_exec = function(id, ...) return exec({}, {}, id, nil, ...) end

  local function external(kind, pid, fields)
    local target = tostring(pid or "")
    if target == "" then return P.invalid("process." .. kind .. ": pid must be a workflow id") end
    inst.seq_external = inst.seq_external + 1
    local seq = inst.seq_external
    fields.type = kind == "send" and "signal_external" or "cancel_external"
    fields.seq = seq
    fields.workflow_id = target
    P.command(fields)
    local f = P.new_future()
    inst.externals[seq] = f
    return await(f)
  end
  function process.send(pid, topic, ...)
    if type(topic) ~= "string" or topic == "" then return P.invalid("process.send: topic must be a non-empty string") end
    local args = pack(...)
    local too_large = P.check_payloads("signal " .. topic, args, args.n)
    if too_large then return nil, too_large end
    return external("send", pid, { signal = topic, args = args, nargs = args.n, from = inst.info.workflow_id })
  end
  function process.cancel(pid)
    return external("cancel", pid, { reason = "cancelled by workflow " .. tostring(inst.info.workflow_id) })
  end
  --- Temporal has no terminate command, so a workflow terminates another
  --- through the daemon's built-in activity (recorded like any activity).
  function process.terminate(pid)
    local target = tostring(pid or "")
    if target == "" then return P.invalid("process.terminate: pid must be a workflow id") end
    return P.call_activity({ ["activity.start_to_close_timeout"] = "30s",
      ["activity.retry_policy"] = { maximum_attempts = 3 } }, P.TERMINATE_ACTIVITY, target,
      "terminated by workflow " .. tostring(inst.info.workflow_id))
  end
  for _, name in ipairs({ "monitor", "unmonitor", "link", "unlink" }) do
    process[name] = function()
      return nil, errors.new { kind = "INVALID", retryable = false,
        message = "process." .. name .. " is not supported inside workflows; children started with spawn are monitored" }
    end
  end
end

--- Applies a child or external job; true when handled.
function P.apply_child_job(inst, job)
  local t = job.type
  if t == "child_started" then
    local rec = inst.children[job.seq]
    if rec then rec.run_id = job.run_id; rec.started:resolve(job.run_id) end
  elseif t == "child_start_failed" then
    local rec = inst.children[job.seq]
    if rec then
      local err = P.common.error_from_host(job.error)
      inst.children[job.seq] = nil
      rec.started:resolve(nil, err)
      rec.result:resolve(nil, err)
    end
  elseif t == "child" then
    local rec = inst.children[job.seq]
    if rec then
      inst.children[job.seq] = nil
      local value, err = job.value, nil
      if not job.ok then value, err = nil, P.common.error_from_host(job.error) end
      rec.result:resolve(value, err)
      if rec.monitored then
        P.emit_event { kind = P.EVENT.EXIT, from = rec.pid, result = { value = value, error = err } }
      end
    end
  elseif t == "signal_external" or t == "cancel_external" then
    local f = inst.externals[job.seq]
    if f then
      inst.externals[job.seq] = nil
      if job.ok then f:resolve(true) else f:resolve(nil, P.common.error_from_host(job.error)) end
    end
  else
    return false
  end
  return true
end
"""#
}
