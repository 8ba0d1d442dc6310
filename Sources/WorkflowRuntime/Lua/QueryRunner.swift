/// Workflow prelude, part: queries. `P.query(inst, name, args, nargs)`
/// answers from the instance's current state without changing it:
/// registered handlers (`workflow.on_query`), and the built-in
/// `__stack_trace` (the Lua traceback of every blocked workflow coroutine,
/// shown by `temporal workflow stack` and the Web UI). A handler that
/// blocks or issues a command fails the query, not the workflow.
enum QueryRunner {
    static let source = #"""
local P = ...
local pack, unpack = table.pack, table.unpack
local traceback = debug.traceback

--- A coroutine's traceback without Moonflow's own frames: only the
--- workflow code's lines remain, the innermost being where it waits.
local function user_frames(co, label)
  local lines = { label }
  for line in traceback(co, nil, 0):gmatch("[^\n]+") do
    -- Moonflow's frames: its chunks are named moonflow/..., or, loaded
    -- without debug information, have no source ("?").
    if not (line:find("moonflow/", 1, true) or line:find("^%s*%?:") or line:find("[C]: in function 'coroutine.yield'", 1, true)
        or line:find("(...tail calls...)", 1, true)) then
      lines[#lines + 1] = line
    end
  end
  return table.concat(lines, "\n")
end

local function stack_trace(inst)
  local parts = {}
  for i, rec in ipairs(inst.coroutines) do
    if not rec.dead then
      parts[#parts + 1] = user_frames(rec.co, (rec.main and "main" or rec.label or ("coroutine " .. i)) .. " (blocked)")
    end
  end
  if #parts == 0 then return "no blocked workflow coroutines" end
  return table.concat(parts, "\n\n")
end

local function known(inst)
  local names = { "__stack_trace", "__temporal_workflow_metadata" }
  for name in pairs(inst.queries) do names[#names + 1] = name end
  table.sort(names)
  return names
end

--- Returns {ok = true, value = v} or {ok = false, message = text}.
--- __temporal_workflow_metadata: temporal.api.sdk.v1.WorkflowMetadata as
--- proto3 JSON (`temporal workflow metadata`, the Web UI).
local function metadata(inst)
  local queries, signals = {}, {}
  for _, d in ipairs(P.query_definitions(inst)) do
    if d.name:sub(1, 2) ~= "__" then queries[#queries + 1] = { name = d.name, description = d.description } end
  end
  local topics = {}
  for topic in pairs(inst.signals.listeners) do topics[#topics + 1] = topic end
  table.sort(topics)
  for _, topic in ipairs(topics) do signals[#signals + 1] = { name = topic } end
  local definition = { type = inst.info.workflow_type or "" }
  -- proto3 JSON leaves out empty lists (an empty Lua table would be {})
  if #queries > 0 then definition.queryDefinitions = queries end
  if #signals > 0 then definition.signalDefinitions = signals end
  local updates = P.update_definitions(inst)
  if #updates > 0 then definition.updateDefinitions = updates end
  return { definition = definition }
end

function P.query(inst, name, args, nargs)
  P.read_only = nil   -- a runaway handler (instruction budget) never got to reset it
  if name == "__stack_trace" then return { ok = true, value = stack_trace(inst) } end
  if name == "__temporal_workflow_metadata" then
    return { ok = true, value = metadata(inst), message_type = "temporal.api.sdk.v1.WorkflowMetadata" }
  end
  local handler = inst.queries[name]
  if not handler then
    return { ok = false, message = "unknown queryType " .. tostring(name) .. ". KnownQueryTypes=["
      .. table.concat(known(inst), " ") .. "]" }
  end
  P.current = inst
  local r = P.call_read_only(inst, "a query handler", function(e)
    if type(e) == "string" then return traceback(e, 2) end
    return e
  end, handler.fn, unpack(args or {}, 1, nargs or 0))
  if not r[1] then
    local e = r[2]
    if type(e) ~= "string" then e = P.common.error_to_host(e).message end
    return { ok = false, message = "query " .. name .. " failed: " .. tostring(e) }
  end
  if r[3] ~= nil then
    return { ok = false, message = "query " .. name .. " failed: " .. P.common.error_to_host(r[3]).message }
  end
  return { ok = true, value = r[2] }
end

--- Registered queries with descriptions, for __temporal_workflow_metadata.
function P.query_definitions(inst)
  local defs = {}
  for _, name in ipairs(known(inst)) do
    local h = inst.queries[name]
    defs[#defs + 1] = { name = name, description = h and h.description or
      (name == "__stack_trace" and "Lua tracebacks of the blocked workflow coroutines" or "built-in") }
  end
  return defs
end
"""#
}
