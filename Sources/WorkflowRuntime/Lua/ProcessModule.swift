/// Workflow prelude, part 6: the `process` global of a workflow — signals
/// as messages. Signals are kept in history order until a channel wants
/// them: `process.listen(topic)` gets that topic's signals (also those that
/// arrived before it listened), `process.inbox()` every signal whose topic
/// nobody listens to. None is lost or delivered twice, in replay too,
/// because delivery depends only on history order and the code's calls.
enum ProcessModule {
    static let source = #"""
local P = ...
local pairs = P.base.pairs -- deterministic order
local UNBOUNDED = math.maxinteger

local Message = { __name = "moonflow.message" }
Message.__index = Message
function Message:topic() return self._topic end
function Message:from() return self._from end
local Payload = { __name = "moonflow.payload" }
Payload.__index = Payload
function Payload:data() return self._data end
function Message:payload() return setmetatable({ _data = self._data }, Payload) end
function Message:args() return table.unpack(self._args, 1, self._args.n) end

--- Moves pending signals to the channels that want them, in order.
local function route(s)
  local keep = {}
  for _, m in ipairs(s.pending) do
    local l = s.listeners[m._topic]
    if l then
      P.offer(l.ch, l.message and m or m._data)
    elseif s.inbox then
      P.offer(s.inbox, m)
    else
      keep[#keep + 1] = m
    end
  end
  s.pending = keep
end

--- Called by the activation for each signal job.
function P.deliver_signal(inst, job)
  local args = job.args or {}
  args.n = job.nargs or 0
  local m = setmetatable({ _topic = job.name, _data = args[1], _args = args, _from = job.from }, Message)
  local s = inst.signals
  s.pending[#s.pending + 1] = m
  route(s)
end

--- The shared `process` table; `inst` stands for the current instance.
function P.process_module(inst)
  local process = {}
  function process.inbox()
    local s = inst.signals
    if not s.inbox then
      s.inbox = P.new_channel(UNBOUNDED)
      route(s)
    end
    return s.inbox
  end
  function process.listen(topic, opts)
    local s = inst.signals
    if type(topic) ~= "string" or topic == "" then error("process.listen: topic must be a non-empty string", 2) end
    local want_message = type(opts) == "table" and opts.message == true
    local l = s.listeners[topic]
    if l then
      if l.message ~= want_message then
        error("process.listen: topic '" .. topic .. "' is already listened to in the other mode", 2)
      end
      return l.ch
    end
    l = { ch = P.new_channel(UNBOUNDED), message = want_message }
    s.listeners[topic] = l
    -- signals of this topic still waiting in the inbox's buffer stay there;
    -- pending ones go to the new channel
    route(s)
    return l.ch
  end
  function process.unlisten(ch)
    local s = inst.signals
    for topic, l in pairs(s.listeners) do
      if l.ch == ch then s.listeners[topic] = nil end
    end
  end
  return process
end
"""#
}
