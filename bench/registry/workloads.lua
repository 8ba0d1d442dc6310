-- The benchmark workloads (issue 5). Same shapes as bench/python_worker.py.
local M = {}

-- W1: completes at once.
function M.noop()
  return nil
end

-- W2: n (default 10) sequential no-op activities; each echoes seed + i and
-- the workflow returns the sum, so a wrong replay shows in the result.
-- With n = 2000 this is also the ~12,000-event replay history.
function M.activities(input)
  local funcs = require("funcs")
  input = input or {}
  local n, seed = input.n or 10, input.seed or 0
  local act = funcs.new():with_options({["activity.start_to_close_timeout"] = "30s"})
  local sum = 0
  for i = 1, n do
    local v, err = act:call("bench:echo", seed + i)
    if err then return nil, err end
    sum = sum + v
  end
  return sum
end

-- W3: ten sequential 1 ms timers.
function M.timers()
  local time = require("time")
  for _ = 1, 10 do time.sleep("1ms") end
  return nil
end

-- W4: waits for `n` (default 10) "add" signals and returns their sum.
function M.signals(n)
  n = n or 10
  local adds = process.listen("add")
  local sum = 0
  for _ = 1, n do sum = sum + adds:receive() end
  return sum
end

return M
