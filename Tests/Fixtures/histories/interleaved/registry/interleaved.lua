local funcs = require("funcs")
local time = require("time")

return function(n)
  local log, done = {}, channel.new()
  local ticks = process.listen("tick")
  coroutine.spawn(function()
    -- (append after blocking: `log[#log + 1] = blocking()` would
    -- compute the index before other coroutines append)
    for i = 1, n do time.sleep("700ms"); log[#log + 1] = "timer-" .. i end
    done:send("timers")
  end)
  coroutine.spawn(function()
    for _ = 1, n do
      local tick = ticks:receive()
      log[#log + 1] = "signal-" .. tick
    end
    done:send("signals")
  end)
  coroutine.spawn(function()
    for i = 1, n do
      local echoed = funcs.call("it:echo", i)
      log[#log + 1] = echoed
      local deadline = time.after("300ms")
      local r = channel.select({ticks:case_receive(), deadline:case_receive()})
      if r.channel == ticks then log[#log + 1] = "stolen-" .. r.value end
    end
    done:send("activities")
  end)
  local finished = {}
  for i = 1, 3 do finished[i] = done:receive() end
  table.sort(log)
  table.sort(finished)
  return {log = log, finished = finished}
end