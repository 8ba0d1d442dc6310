-- Fulfil a job: pick each item (one activity each), wait on a durable timer,
-- then run a flaky activity (fails its first `fail_first` attempts,
-- retryably) and a slow one (sleeps `slow_ms`) in parallel.
local funcs = require("funcs")
local time = require("time")

local function main(job)
  local act = funcs.new():with_options({
    ["activity.start_to_close_timeout"] = "20s",
    ["activity.retry_policy"] = { maximum_attempts = 5, initial_interval = "200ms", backoff_coefficient = 1.5 },
  })
  local weight = 0
  for i = 1, job.items do
    local r, err = act:call("faults:pick", job.id, i)
    if err then return nil, err end
    weight = weight + r.weight
  end
  time.sleep(job.wait or "1s")
  local flaky = act:async("faults:flaky", job.id, job.fail_first or 0)
  local slow = act:async("faults:slow", job.id, job.slow_ms or 0)
  local f, ferr = flaky:result()
  if ferr then return nil, ferr end
  local s, serr = slow:result()
  if serr then return nil, serr end
  return { id = job.id, weight = weight, flaky = f, slow = s }
end

return { main = main }
