/// Workflow prelude, part 7: `P.activate(inst, activation)` applies every
/// job of an activation to the instance, then runs ready coroutines in
/// creation order until all are blocked, then lets update requests in
/// (UpdateRunner), and returns
/// `{commands = {...}}` or `{task_failure = {message, traceback}}`.
///
/// A string error (a Lua runtime error) is a bug: the *task* fails. An
/// error value (`error(errors.new{...})`, any non-string) fails the
/// execution, as does `return nil, err` from the main function.
enum ActivationRunner {
    static let source = #"""
local P = ...
local common, ErrorMT = P.common, P.common.ErrorMT
local BLOCK = P.BLOCK
local traceback = debug.traceback
local pack, unpack = table.pack, table.unpack

local function finish(inst, cmd)
  if inst.finished then return end
  inst.finished = true
  P.command(cmd)
end
P.finish = finish

--- A failed coroutine's traceback, without the "(...tail calls...)" line
--- that `start`'s wrapper leaves below a main function (it calls main
--- with a tail call): the lines left are the workflow code's.
local function code_traceback(co)
  return (traceback(co, nil, 0):gsub("\n\t%(%.%.%.tail calls%.%.%.%)$", ""))
end

local function fail_with(inst, err)
  finish(inst, { type = "fail", error = common.error_to_host(err) })
end

--- Resumes one coroutine; returns a task failure table on a bug.
local function step(inst, rec, ...)
  local r = pack(coroutine.resume(rec.co, ...))
  if not r[1] then
    local e = r[2]
    if type(e) == "string" or e == nil then
      return { message = tostring(e), traceback = code_traceback(rec.co) }
    end
    if getmetatable(e) == ErrorMT and e._traceback == nil then e._traceback = code_traceback(rec.co) end
    rec.dead = true
    if rec.on_exit then
      rec.on_exit(nil, e)
    elseif inst.cancel_requested and getmetatable(e) == ErrorMT and e._kind == "CANCELED" then
      finish(inst, { type = "cancel_workflow" })
    else
      fail_with(inst, e)
    end
    return nil
  end
  if coroutine.status(rec.co) == "dead" then
    rec.dead = true
    if rec.on_exit then
      rec.on_exit(r[2], r[3])
    elseif rec.main then
      local value, err = r[2], r[3]
      if err ~= nil then
        if inst.cancel_requested and getmetatable(err) == ErrorMT and err._kind == "CANCELED" then
          finish(inst, { type = "cancel_workflow" })
        else
          fail_with(inst, err)
        end
      else
        local too_large = P.check_payloads("workflow result", { value }, 1)
        if too_large then fail_with(inst, too_large) else finish(inst, { type = "complete", value = value }) end
      end
    end
    return nil
  end
  if r[2] ~= BLOCK then
    return { message = "coroutine.yield was called outside a coroutine of the workflow's own "
      .. "(use coroutine.wrap or coroutine.create for generators)", traceback = code_traceback(rec.co) }
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
  -- drop finished coroutines so long-running workflows do not accumulate them
  local live = {}
  for _, rec in ipairs(inst.coroutines) do if not rec.dead then live[#live + 1] = rec end end
  inst.coroutines = live
  return nil
end
P.run_until_blocked = run_until_blocked

--- The workflow's code: a function that runs the chunk's body with the
--- environment it is given (an instance's own top-level locals and
--- functions), or the compile error (a string).
---
--- Made once per Lua state (the spec is shared by the instances of its
--- entry). The source is compiled as it is first, for the real syntax
--- errors, then as `return function(_ENV, ...) <source> end` on the same
--- first line: every instance calls that one function with its own _ENV,
--- with no parsing or loading per instance. A chunk that compiles alone
--- but not wrapped (the wrapper's parameter takes a local slot) is loaded
--- from its bytecode per instance instead.
local function chunk_of(spec, env)
  if spec.factory then return spec.factory end
  local chunk, err = load(spec.source, spec.chunkname, "t", env)
  if not chunk then return err end
  local wrapped = load("return function(_ENV, ...) " .. spec.source .. "\nend", spec.chunkname, "t", {})
  if wrapped then
    spec.factory = wrapped()
  else
    local bytecode = string.dump(chunk)
    spec.factory = function(instance_env) return load(bytecode, spec.chunkname, "b", instance_env)() end
  end
  return spec.factory
end

local function start(inst, job)
  inst.info = job.info or {}
  inst.context = inst.info.context or {}
  inst.rng = job.seed or 0
  inst.start_ns = inst.now_ns
  local spec = inst.spec
  local chunk = chunk_of(spec, inst.env)
  if type(chunk) == "string" then return { message = chunk, traceback = "" } end
  local args, nargs = job.args or {}, job.nargs or 0
  local rec = P.spawn(function()
    local fn = common.entry_function(chunk(inst.env), inst.env, spec)
    return fn(unpack(args, 1, nargs))
  end)
  rec.main = true
  return nil
end

local function fire_timer(inst, seq)
  local target = inst.timers[seq]
  if target == nil then return end
  inst.timers[seq] = nil
  if getmetatable(target) == P.Channel then P.offer(target, P.new_time(inst.now_ns)) else target:resolve() end
end

--- Cancellation of the workflow itself: a workflow that asked for
--- process.events() gets a CANCEL event and decides; any other is
--- cancelled now — its activities and timers too.
local function cancel_requested(inst, reason)
  inst.cancel_requested = true
  if inst.events_ch then
    P.emit_event { kind = P.EVENT.CANCEL, reason = reason }
    return
  end
  local seqs = {}
  for seq in pairs(inst.activities) do seqs[#seqs + 1] = seq end
  table.sort(seqs)
  for _, seq in ipairs(seqs) do
    if not P.drop_unsent("activity", seq) then P.command { type = "cancel_activity", seq = seq } end
  end
  seqs = {}
  for seq in pairs(inst.timers) do seqs[#seqs + 1] = seq end
  table.sort(seqs)
  for _, seq in ipairs(seqs) do
    if not P.drop_unsent("timer", seq) then P.command { type = "cancel_timer", seq = seq } end
  end
  finish(inst, { type = "cancel_workflow" })
end

function P.activate(inst, a)
  P.current = inst
  P.read_only = nil   -- a runaway validator (instruction budget) never got to reset it
  inst.side_effects = a.side_effects or {}
  inst.versions = a.versions or {}
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
      fire_timer(inst, job.seq)
    elseif t == "signal" then
      P.deliver_signal(inst, job)
    elseif t == "cancel" then
      cancel_requested(inst, job.reason)
    elseif t == "update" then
      inst.update_queue[#inst.update_queue + 1] = job
    else
      P.apply_child_job(inst, job)
    end
  end
  local failure = run_until_blocked(inst) or P.run_updates(inst)
  if failure then return { task_failure = failure } end
  return { commands = inst.commands }
end
"""#
}
