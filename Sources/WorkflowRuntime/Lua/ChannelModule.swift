/// Workflow prelude, part 2: the `channel` global. Channels are plain Lua
/// over `await`: deterministic because the scheduler runs coroutines in
/// creation order and every operation checks readiness the same way.
///
/// - `channel.new(size)`: `size` 0 (default) is unbuffered: a send waits
///   until a receiver takes the value.
/// - `ch:send(v)`, `ch:receive() -> v, ok` (`nil, false` once closed and
///   drained), `ch:close()`.
/// - `ch:case_send(v)`, `ch:case_receive()`, and
///   `channel.select{cases..., default = true} -> {channel, value, ok}`
///   (or `{default = true}`); the first ready case in list order wins.
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
  return setmetatable({ cap = size or 0, buf = {}, head = 1, tail = 0, senders = {}, waiting = 0,
    closed = false }, Channel)
end
P.new_channel = new_channel

function Channel:count() return self.tail - self.head + 1 end
local function push(ch, v) ch.tail = ch.tail + 1; ch.buf[ch.tail] = { v } end
local function pop(ch)
  local box = ch.buf[ch.head]
  ch.buf[ch.head] = nil
  ch.head = ch.head + 1
  return box[1]
end

-- Receiving -----------------------------------------------------------------
local function can_receive(ch) return ch:count() > 0 or #ch.senders > 0 or ch.closed end
local function do_receive(ch)
  if ch:count() > 0 then
    local v = pop(ch)
    -- a blocked sender may now move its value into the buffer
    local s = table.remove(ch.senders, 1)
    if s then push(ch, s.value); s.done = true end
    return v, true
  end
  local s = table.remove(ch.senders, 1)
  if s then s.done = true; return s.value, true end
  return nil, false
end

local RecvOp = {}
RecvOp.__index = RecvOp
function RecvOp:ready() return can_receive(self.ch) end
function RecvOp:block() self.ch.waiting = self.ch.waiting + 1; self.blocked = true end
function RecvOp:take()
  if self.blocked then self.ch.waiting = self.ch.waiting - 1; self.blocked = false end
  return do_receive(self.ch)
end

function Channel:receive()
  return await(setmetatable({ ch = self }, RecvOp))
end

-- Sending -------------------------------------------------------------------
local function can_send_now(ch) return ch:count() < ch.cap or ch.waiting > ch:count() end

local SendOp = {}
SendOp.__index = SendOp
function SendOp:ready() return self.done or self.ch.closed end
function SendOp:take()
  if not self.done then error("send on a closed channel", 0) end
  return true
end

function Channel:send(v)
  if self.closed then error("send on a closed channel", 2) end
  if can_send_now(self) then push(self, v); return true end
  local op = setmetatable({ ch = self, value = v, done = false }, SendOp)
  self.senders[#self.senders + 1] = op
  return await(op)
end

function Channel:close()
  self.closed = true
end

-- select --------------------------------------------------------------------
function Channel:case_receive() return { ch = self, op = "receive" } end
function Channel:case_send(v) return { ch = self, op = "send", value = v } end

local function case_ready(c)
  if c.op == "receive" then return can_receive(c.ch) end
  return c.ch.closed or can_send_now(c.ch)
end

local function run_case(c)
  if c.op == "receive" then
    local v, ok = do_receive(c.ch)
    return { channel = c.ch, value = v, ok = ok }
  end
  if c.ch.closed then error("send on a closed channel", 0) end
  push(c.ch, c.value)
  return { channel = c.ch, ok = true }
end

local SelectOp = {}
SelectOp.__index = SelectOp
function SelectOp:ready()
  for _, c in ipairs(self.cases) do if case_ready(c) then return true end end
  return false
end
function SelectOp:block()
  for _, c in ipairs(self.cases) do if c.op == "receive" then c.ch.waiting = c.ch.waiting + 1 end end
  self.blocked = true
end
function SelectOp:take()
  if self.blocked then
    for _, c in ipairs(self.cases) do if c.op == "receive" then c.ch.waiting = c.ch.waiting - 1 end end
    self.blocked = false
  end
  for _, c in ipairs(self.cases) do
    if case_ready(c) then return run_case(c) end
  end
  error("internal: select resumed with no ready case", 0)
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
  for _, c in ipairs(cases) do
    if case_ready(c) then return run_case(c) end
  end
  if spec.default then return { default = true, ok = true } end
  if #cases == 0 then error("channel.select with no cases and no default blocks forever", 2) end
  return await(setmetatable({ cases = cases }, SelectOp))
end

--- Delivers a value from outside any coroutine (signals, timers): never
--- blocks, whatever the capacity.
function P.offer(ch, v) push(ch, v) end

P.channel_module = { new = function(size) return new_channel(size) end, select = select }
"""#
}
