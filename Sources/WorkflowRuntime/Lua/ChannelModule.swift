/// Workflow prelude, part 2: the `channel` global. Channels are plain Lua
/// over `await`, deterministic because the scheduler runs coroutines in
/// creation order and waiters are served first come, first served.
///
/// - `channel.new(size)`: `size` 0 (default) is unbuffered: a send waits
///   until a receiver takes the value.
/// - `ch:send(v)`, `ch:receive() -> v, ok` (`nil, false` once closed and
///   drained), `ch:close()`.
/// - `ch:case_send(v)`, `ch:case_receive()`, and
///   `channel.select{cases..., default = true} -> {channel, value, ok}`
///   (or `{default = true, ok = true}`); the first ready case in list order
///   wins.
///
/// Operations follow the scheduler's waitable protocol: `ready()` tries the
/// operation at once (and records the outcome in `fired`) until the op has
/// blocked; `block()` queues it as a waiter on its channels, where a peer
/// fires it directly (a hand-off, like Go's); `take()` returns the outcome.
enum ChannelModule {
    static let source = #"""
local P = ...
local await = P.await

local Channel = { __name = "moonflow.channel" }
Channel.__index = Channel
P.Channel = Channel

local function new_channel(size)
  if size ~= nil and (math.type(size) ~= "integer" or size < 0) then
    error("channel.new: size must be a non-negative integer", 3)
  end
  return setmetatable({ cap = size or 0, buf = {}, head = 1, tail = 0, receivers = {}, senders = {},
    closed = false }, Channel)
end
P.new_channel = new_channel

local function count(ch) return ch.tail - ch.head + 1 end
local function push(ch, v) ch.tail = ch.tail + 1; ch.buf[ch.tail] = { v } end
local function pop(ch)
  local box = ch.buf[ch.head]
  ch.buf[ch.head] = nil
  ch.head = ch.head + 1
  return box[1]
end

--- The oldest waiter of `queue` whose op has not fired yet (stale select
--- registrations are dropped on the way).
local function next_waiter(queue)
  while #queue > 0 do
    local w = table.remove(queue, 1)
    if w.op.fired == nil then return w end
  end
  return nil
end

--- Records an outcome on an op: a select op reports which channel.
local function fire(w, ch, value, ok, err)
  if w.op.is_select then
    w.op.fired = { channel = ch, value = value, ok = ok, err = err }
  else
    w.op.fired = { value = value, ok = ok, err = err }
  end
end

-- Immediate attempts: true and the outcome, or false.
local function try_receive(ch)
  if count(ch) > 0 then
    local v = pop(ch)
    local s = next_waiter(ch.senders)
    if s then push(ch, s.value); fire(s, ch, nil, true) end
    return true, v, true
  end
  local s = next_waiter(ch.senders)
  if s then fire(s, ch, nil, true); return true, s.value, true end
  if ch.closed then return true, nil, false end
  return false
end

local function try_send(ch, v)
  if ch.closed then return true, "send on a closed channel" end
  local r = next_waiter(ch.receivers)
  if r then fire(r, ch, v, true); return true end
  if count(ch) < ch.cap then push(ch, v); return true end
  return false
end

-- Single operations ---------------------------------------------------------
local RecvOp = {}
RecvOp.__index = RecvOp
function RecvOp:ready()
  if self.fired then return true end
  if self.blocked then return false end
  local done, v, ok = try_receive(self.ch)
  if done then self.fired = { value = v, ok = ok } end
  return done
end
function RecvOp:block()
  self.blocked = true
  local q = self.ch.receivers
  q[#q + 1] = { op = self }
end
function RecvOp:take() return self.fired.value, self.fired.ok end

local SendOp = {}
SendOp.__index = SendOp
function SendOp:ready()
  if self.fired then return true end
  if self.blocked then return false end
  local done, err = try_send(self.ch, self.value)
  if done then self.fired = { ok = true, err = err } end
  return done
end
function SendOp:block()
  self.blocked = true
  local q = self.ch.senders
  q[#q + 1] = { op = self, value = self.value }
end
function SendOp:take()
  if self.fired.err then error(self.fired.err, 0) end
  return true
end

function Channel:receive() return await(setmetatable({ ch = self }, RecvOp)) end
function Channel:send(v)
  if self.closed then error("send on a closed channel", 2) end
  return await(setmetatable({ ch = self, value = v }, SendOp))
end

function Channel:close()
  if self.closed then return end
  self.closed = true
  while true do
    local r = next_waiter(self.receivers)
    if not r then break end
    fire(r, self, nil, false)
  end
  while true do
    local s = next_waiter(self.senders)
    if not s then break end
    fire(s, self, nil, false, "send on a closed channel")
  end
end

-- select --------------------------------------------------------------------
function Channel:case_receive() return { ch = self, op = "receive" } end
function Channel:case_send(v) return { ch = self, op = "send", value = v } end

local SelectOp = { }
SelectOp.__index = SelectOp
function SelectOp:ready()
  if self.fired then return true end
  if self.blocked then return false end
  for _, c in ipairs(self.cases) do
    if c.op == "receive" then
      local done, v, ok = try_receive(c.ch)
      if done then self.fired = { channel = c.ch, value = v, ok = ok }; return true end
    else
      local done, err = try_send(c.ch, c.value)
      if done then self.fired = { channel = c.ch, ok = true, err = err }; return true end
    end
  end
  return false
end
function SelectOp:block()
  self.blocked = true
  for _, c in ipairs(self.cases) do
    if c.op == "receive" then
      c.ch.receivers[#c.ch.receivers + 1] = { op = self }
    else
      c.ch.senders[#c.ch.senders + 1] = { op = self, value = c.value }
    end
  end
end
function SelectOp:take()
  local f = self.fired
  if f.err then error(f.err, 0) end
  return { channel = f.channel, value = f.value, ok = f.ok }
end

local function select(spec)
  if type(spec) ~= "table" then error("channel.select expects a table of cases", 2) end
  local cases = {}
  for i, c in ipairs(spec) do
    if type(c) ~= "table" or getmetatable(c.ch) ~= Channel then
      error("channel.select: case " .. i .. " is not a case_send/case_receive", 2)
    end
    cases[i] = c
  end
  local op = setmetatable({ cases = cases, is_select = true }, SelectOp)
  if op:ready() then return op:take() end
  if spec.default then return { default = true, ok = true } end
  if #cases == 0 then error("channel.select with no cases and no default blocks forever", 2) end
  return await(op)
end

--- Delivers a value from outside any coroutine (signals, timers): hands it
--- to a waiting receiver or buffers it, whatever the capacity.
function P.offer(ch, v)
  local r = next_waiter(ch.receivers)
  if r then fire(r, ch, v, true) else push(ch, v) end
end

P.channel_module = { new = function(size) return new_channel(size) end, select = select }
"""#
}
