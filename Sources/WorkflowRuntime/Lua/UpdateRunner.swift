/// Workflow prelude, part: updates. `P.run_updates(inst)` runs after the
/// activation's coroutines have all blocked, so the first activation's
/// code has registered its handlers (`workflow.on_update`) before an
/// update that came with the start is looked at. For each queued request:
///
/// - no handler, or the workflow already finished: rejected;
/// - a validator (only on the live path: on replay history already
///   accepted it) that raises, or returns `false` or `nil, err`: rejected,
///   with no history event;
/// - otherwise accepted, and `fn(args...)` runs as a workflow coroutine.
///   Its return value completes the update; `nil, err` or a raised error
///   value completes it with that failure; a Lua runtime error fails the
///   workflow task, as in any workflow coroutine.
///
/// Commands: `update_accept`, `update_reject {error}`,
/// `update_complete {value | error}`, by update id.
enum UpdateRunner {
    static let source = #"""
local P = ...
local common = P.common
local pack, unpack = table.pack, table.unpack
local traceback = debug.traceback

local function rejection(kind, message) return { kind = kind, message = message, retryable = false } end

local function known(inst)
  local names = {}
  for name in pairs(inst.updates) do names[#names + 1] = name end
  table.sort(names)
  return names
end

--- Runs the validator read-only; returns the rejection, or nil to accept.
local function validate(inst, h, job)
  if not job.validate or not h.validator then return nil end
  local r = P.call_read_only(inst, "an update validator", function(e)
    if type(e) == "string" then return { runtime = e, traceback = traceback(e, 2) } end
    return e
  end, h.validator, unpack(job.args, 1, job.nargs))
  if not r[1] then
    local e = r[2]
    if type(e) == "table" and e.runtime then
      local t = rejection("INVALID", e.runtime)
      t.traceback = e.traceback
      return t
    end
    return common.error_to_host(e)
  end
  if r[3] ~= nil then return common.error_to_host(r[3]) end
  if r[2] == false then return rejection("INVALID", "update " .. job.name .. " rejected by its validator") end
  return nil
end

local function complete(inst, job, value, err)
  if err == nil then
    err = P.check_payloads("update " .. job.name .. " result", { value }, 1)
  end
  if err ~= nil then
    P.command { type = "update_complete", id = job.id, error = common.error_to_host(err) }
  else
    P.command { type = "update_complete", id = job.id, value = value }
  end
end

local function admit(inst, job)
  local h = inst.updates[job.name]
  local refused
  if job.invalid then
    refused = rejection("INVALID", job.invalid)
  elseif inst.finished then
    refused = rejection("CANCELED", "the workflow finished before update " .. job.name .. " could run")
  elseif not h then
    refused = rejection("NOT_FOUND", "unknown update type " .. tostring(job.name) .. ". KnownUpdateTypes=["
      .. table.concat(known(inst), " ") .. "]")
  else
    refused = validate(inst, h, job)
  end
  if refused then
    P.command { type = "update_reject", id = job.id, error = refused }
    return
  end
  P.command { type = "update_accept", id = job.id }
  local rec = P.spawn(h.fn, unpack(job.args, 1, job.nargs))
  rec.label = "update " .. job.name .. " (" .. job.id .. ")"
  rec.on_exit = function(value, err) complete(inst, job, value, err) end
end

function P.run_updates(inst)
  while #inst.update_queue > 0 do
    local queue = inst.update_queue
    inst.update_queue = {}
    for _, job in ipairs(queue) do admit(inst, job) end
    local failure = P.run_until_blocked(inst)
    if failure then return failure end
  end
  return nil
end

--- Registered updates with descriptions, for __temporal_workflow_metadata.
function P.update_definitions(inst)
  local defs = {}
  for _, name in ipairs(known(inst)) do
    defs[#defs + 1] = { name = name, description = inst.updates[name].description }
  end
  return defs
end
"""#
}
