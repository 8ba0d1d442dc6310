/// Workflow prelude, part 1: futures, `await`, and the coroutine library
/// workflow code sees. Each prelude part is a chunk called with the shared
/// table `P` (holding `common`, `base`, `json` and the earlier parts).
///
/// Workflow coroutines block by yielding a private sentinel with a
/// *waitable* (an object with `ready()` and `take()`); the scheduler
/// resumes them once it is ready. The wrapped `coroutine.resume`/`wrap`
/// pass such yields through user coroutines, so generators keep working.
enum SchedulerCore {
    static let source = #"""
local P = ...
local raw_create, raw_resume, raw_yield = coroutine.create, coroutine.resume, coroutine.yield
local raw_status, raw_running = coroutine.status, coroutine.running
local pack, unpack = table.pack, table.unpack
local BLOCK = setmetatable({}, { __name = "moonflow.block" })
P.BLOCK = BLOCK

-- A future is resolved once (by a job); any number of coroutines wait on it.
local Future = {}
Future.__index = Future
function P.new_future() return setmetatable({ done = false }, Future) end
function Future:ready() return self.done end
function Future:take() return unpack(self.values, 1, self.values.n) end
function Future:resolve(...)
  if self.done then return end
  self.done = true
  self.values = pack(...)
  if self.listeners then
    for _, fn in ipairs(self.listeners) do fn(...) end
    self.listeners = nil
  end
end
--- Calls `fn(values...)` once the future resolves (at once if it has).
function Future:on_resolve(fn)
  if self.done then fn(self:take()) return end
  self.listeners = self.listeners or {}
  self.listeners[#self.listeners + 1] = fn
end

--- Blocks the running workflow coroutine until `waitable` is ready and
--- returns what its `take()` returns.
function P.await(waitable)
  if P.read_only then
    error(P.read_only .. " may not block (it must answer from the workflow's current state)", 3)
  end
  if waitable:ready() then return waitable:take() end
  local _, is_main = raw_running()
  if is_main then error("a blocking workflow call was made outside a workflow coroutine", 3) end
  if waitable.block then waitable:block() end
  return raw_yield(BLOCK, waitable)
end

--- Runs `fn(...)` read-only for `label` (a query handler, an update
--- validator): a command or a blocking call raises. The instance's own
--- bookkeeping (sequence numbers, the random state) is put back afterwards,
--- so a handler that tried a forbidden call leaves no trace a replay would
--- not reproduce. Returns the packed results of xpcall(fn, handler, ...).
function P.call_read_only(inst, label, handler, fn, ...)
  local saved = {}
  for k, v in next, inst do
    if type(v) ~= "table" then saved[k] = v end
  end
  P.read_only = label
  local r = pack(xpcall(fn, handler, ...))
  P.read_only = nil
  for k, v in next, saved do inst[k] = v end
  return r
end

local function resume_through(co, ...)
  local r = pack(raw_resume(co, ...))
  while r[1] and r[2] == BLOCK and raw_status(co) == "suspended" do
    local back = pack(raw_yield(BLOCK, r[3]))
    r = pack(raw_resume(co, unpack(back, 1, back.n)))
  end
  return unpack(r, 1, r.n)
end

--- The `coroutine` table workflow code sees: the standard one with
--- pass-through `resume`/`wrap`, and `spawn` (a coroutine of the current
--- instance).
function P.coroutine_lib()
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
    P.spawn(f, ...)
  end
  return lib
end
"""#
}
