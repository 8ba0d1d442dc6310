/// Workflow prelude, part: replay-safe values — `uuid.v4()`,
/// `crypto.random_bytes(n)`, `workflow.version(...)` and `workflow.attrs{}`.
///
/// Side effects are recorded as Go-SDK `SideEffect` markers: a new value is
/// drawn from the host's random source and recorded; on replay the value
/// this workflow task recorded (look-ahead from history) is returned, and
/// the same marker command is issued so history still matches.
enum SideEffects {
    static let source = #"""
local P = ...
local errors = P.common.errors

local function side_effect(inst, make)
  inst.seq_side_effect = inst.seq_side_effect + 1
  local id = inst.seq_side_effect
  local recorded = inst.side_effects[tostring(id)]
  local value
  if recorded ~= nil then value = recorded else value = make() end
  P.command { type = "side_effect", id = id, value = value }
  return value
end

local function hex(bytes)
  return (bytes:gsub(".", function(c) return string.format("%02x", string.byte(c)) end))
end

function P.uuid_module(inst)
  local uuid = {}
  function uuid.v4()
    return side_effect(inst, function()
      local b = { string.byte(P.host.random_bytes(16), 1, 16) }
      b[7] = (b[7] & 0x0f) | 0x40
      b[9] = (b[9] & 0x3f) | 0x80
      local h = hex(string.char(table.unpack(b)))
      return h:sub(1, 8) .. "-" .. h:sub(9, 12) .. "-" .. h:sub(13, 16) .. "-" .. h:sub(17, 20) .. "-" .. h:sub(21, 32)
    end)
  end
  return uuid
end

function P.crypto_module(inst)
  local crypto = {}
  --- n random bytes as a Lua string (recorded; travels as binary/plain).
  function crypto.random_bytes(n)
    if math.type(n) ~= "integer" or n < 1 or n > 1048576 then
      return nil, errors.new { kind = "INVALID", message = "crypto.random_bytes: n must be an integer in 1..1048576" }
    end
    return side_effect(inst, function() return P.host.random_bytes(n) end)
  end
  return crypto
end

--- workflow.version(change_id, min, max) with the Go SDK marker layout.
function P.version(inst, change_id, min, max)
  if type(change_id) ~= "string" or change_id == "" then error("workflow.version: change_id must be a non-empty string", 3) end
  if math.type(min) ~= "integer" or math.type(max) ~= "integer" or min > max then
    error("workflow.version(" .. change_id .. "): min and max must be integers with min <= max", 3)
  end
  local v = inst.versions_seen[change_id]
  if v == nil then
    local recorded = inst.versions[change_id]
    if recorded ~= nil then
      v = recorded
    elseif inst.replaying then
      v = -1
    else
      v = max
    end
    inst.versions_seen[change_id] = v
    if v ~= -1 then
      inst.change_versions[#inst.change_versions + 1] = change_id .. "-" .. v
      P.command { type = "version", change_id = change_id, version = v }
      P.command { type = "upsert", search = { TemporalChangeVersion = inst.change_versions } }
    end
  end
  if v ~= -1 and (v < min or v > max) then
    error("workflow.version(" .. change_id .. "): history recorded version " .. v .. ", outside the supported range "
      .. min .. ".." .. max, 3)
  end
  return v
end

--- workflow.attrs{search = {...}, memo = {...}}
function P.attrs(inst, t)
  if type(t) ~= "table" or (t.search == nil and t.memo == nil) then
    return nil, errors.new { kind = "INVALID", message = "workflow.attrs expects {search = {...}} and/or {memo = {...}}" }
  end
  if t.search ~= nil then
    if type(t.search) ~= "table" then return nil, errors.new { kind = "INVALID", message = "workflow.attrs: search must be a table" } end
    P.command { type = "upsert", search = t.search }
  end
  if t.memo ~= nil then
    if type(t.memo) ~= "table" then return nil, errors.new { kind = "INVALID", message = "workflow.attrs: memo must be a table" } end
    P.command { type = "memo", memo = t.memo }
  end
  return true
end
"""#
}
