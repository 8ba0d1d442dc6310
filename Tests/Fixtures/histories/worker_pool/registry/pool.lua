local funcs = require("funcs")

return function(n)
  local act = funcs.new():with_options({
    ["activity.start_to_close_timeout"] = "3s",
    ["activity.retry_policy"] = {initial_interval = "200ms", maximum_attempts = 10},
  })
  local jobs, done = channel.new(), channel.new()
  local results, by_worker = {}, {}
  for w = 1, 3 do
    coroutine.spawn(function()
      local count = 0
      while true do
        local job, ok = jobs:receive()
        if not ok then break end
        local r, err = act:call("it:process", job)
        results[job] = r or ("error: " .. tostring(err))
        count = count + 1
      end
      done:send(count)
    end)
  end
  for j = 1, n do jobs:send(j) end
  jobs:close()
  local total = 0
  for _ = 1, 3 do total = total + done:receive() end
  return {results = results, processed = total}
end