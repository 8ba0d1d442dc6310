/// Lua shared by the workflow and activity preludes: the `errors` module
/// and duration parsing. Evaluated once per `lua_State`; returns a table.
extension LuaState {
    /// Evaluates `CommonModules.source` and returns its table (errors,
    /// durations, `require`, entry functions). Caller releases it.
    public func loadCommonModules() throws(LuaError) -> LuaRef {
        let chunk = try load(source: CommonModules.source, chunkName: "=moonflow/common.lua", stripDebugInfo: true)
        defer { chunk.release() }
        guard let common = try call(chunk).first?.ref else {
            throw LuaError(kind: .runtime, message: "internal: common prelude returned no table")
        }
        return common
    }
}

public enum CommonModules {
    public static let source = #"""
local C = {}

-- errors --------------------------------------------------------------
local KINDS = { "NOT_FOUND", "INVALID", "INTERNAL", "TIMEOUT", "CANCELED", "ALREADY_EXISTS",
  "PERMISSION_DENIED", "UNAVAILABLE", "CONFLICT", "RATE_LIMITED", "UNKNOWN" }
local ErrorMT = { __name = "moonflow.error" }
ErrorMT.__index = ErrorMT
function ErrorMT:kind() return self._kind end
function ErrorMT:message() return self._message end
function ErrorMT:retryable() return self._retryable end
function ErrorMT:details() return self._details end
function ErrorMT:traceback() return self._traceback end
ErrorMT.__tostring = function(e)
  if e._kind and e._kind ~= "" then return e._kind .. ": " .. tostring(e._message) end
  return tostring(e._message)
end

local errors = {}
for _, k in ipairs(KINDS) do errors[k] = k end
local function new_error(spec)
  if type(spec) == "string" then
    return setmetatable({ _kind = "UNKNOWN", _message = spec }, ErrorMT)
  end
  if type(spec) ~= "table" then
    error("errors.new expects a message string or a table {kind=, message=, retryable=, details=}", 2)
  end
  local kind = spec.kind or "UNKNOWN"
  if type(kind) ~= "string" then error("errors.new: kind must be a string", 2) end
  if spec.retryable ~= nil and type(spec.retryable) ~= "boolean" then
    error("errors.new: retryable must be a boolean", 2)
  end
  return setmetatable({ _kind = kind, _message = tostring(spec.message or kind), _retryable = spec.retryable,
    _details = spec.details }, ErrorMT)
end
errors.new = new_error
function errors.is(e, kind) return getmetatable(e) == ErrorMT and e._kind == kind end
function errors.is_error(e) return getmetatable(e) == ErrorMT end
C.errors = errors
C.ErrorMT = ErrorMT

--- Builds an error object from the plain table the host sends.
function C.error_from_host(t)
  if t == nil then return nil end
  return setmetatable({ _kind = t.kind or "UNKNOWN", _message = t.message or "", _retryable = t.retryable,
    _details = t.details }, ErrorMT)
end

--- Turns any error value into the plain table the host reads.
function C.error_to_host(e)
  if getmetatable(e) == ErrorMT then
    return { kind = e._kind, message = e._message, retryable = e._retryable, details = e._details,
      traceback = e._traceback }
  end
  if type(e) == "table" and (e.kind or e.message) then
    return { kind = tostring(e.kind or "UNKNOWN"), message = tostring(e.message or ""), retryable = e.retryable,
      details = e.details }
  end
  return { kind = "UNKNOWN", message = tostring(e) }
end

-- durations -------------------------------------------------------------
local UNITS = { ns = 1, us = 1000, ["µs"] = 1000, ms = 1000000, s = 1000000000,
  m = 60000000000, h = 3600000000000 }

--- Parses "1h30m", "500ms", "1.5s" into integer nanoseconds, or nil, message.
function C.parse_duration_ns(s)
  if type(s) ~= "string" then return nil, "duration must be a string like \"5s\"" end
  local text = s:gsub("%s", "")
  if text == "" then return nil, "empty duration" end
  local sign = 1
  if text:sub(1, 1) == "-" then sign = -1; text = text:sub(2) end
  if text == "0" then return 0 end
  local total, pos = 0, 1
  while pos <= #text do
    local num, unit, after = text:match("^(%d+%.?%d*)([%aµ]+)()", pos)
    if not num then return nil, "invalid duration \"" .. s .. "\" (expected forms like 500ms, 5s, 1h30m)" end
    local mult = UNITS[unit]
    if not mult then return nil, "unknown unit \"" .. unit .. "\" in duration \"" .. s .. "\" (use ns, us, ms, s, m, h)" end
    total = total + tonumber(num) * mult
    pos = after
  end
  return sign * math.floor(total + 0.5)
end

--- Option-table durations: numbers are milliseconds, strings are parsed.
function C.option_ms(key, v)
  if type(v) == "number" then
    if v < 0 then return nil, key .. " must not be negative" end
    return math.floor(v)
  end
  if type(v) == "string" then
    local ns, err = C.parse_duration_ns(v)
    if not ns then return nil, key .. ": " .. err end
    return ns // 1000000
  end
  return nil, key .. " must be a duration string or a number of milliseconds, got " .. type(v)
end

-- entries --------------------------------------------------------------

--- The `require` of one entry's environment: its `imports` (library
--- sources, loaded into the same environment) and the built-in modules its
--- `modules` list allows. `spec` = {entry_id, modules = {name = true},
--- libraries = {alias = {source, chunkname}}}.
function C.make_require(env, spec, builtin)
  local loaded = {}
  return function(name)
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
end

--- The function an entry runs, from what its chunk returned: the chunk may
--- return a function, or a table holding `spec.method`, or define that
--- method as a global.
function C.entry_function(module, env, spec)
  local fn = module
  if type(module) == "table" then fn = module[spec.method] end
  if fn == nil and module == nil then fn = rawget(env, spec.method) end
  if type(fn) ~= "function" then
    error(spec.chunkname:gsub("^@", "") .. " must return a function or a table with function '" .. spec.method
      .. "' (got " .. type(fn) .. ")", 0)
  end
  return fn
end

return C
"""#
}
