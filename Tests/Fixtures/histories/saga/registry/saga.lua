local funcs = require("funcs")
local time = require("time")

local function main(order)
  local act = funcs.new():with_options({
    ["activity.start_to_close_timeout"] = "5s",
    ["activity.retry_policy"] = {maximum_attempts = 5, initial_interval = "200ms"},
  })
  local undo = {}
  local done = {}
  local function step(name, comp, arg)
    local r, err = act:call(name, arg)
    if err then return nil, err end
    done[#done + 1] = r
    undo[#undo + 1] = {comp, r}
    return r
  end
  local function compensate(err)
    local log = {}
    for i = #undo, 1, -1 do
      local r, cerr = act:call(undo[i][1], undo[i][2])
      log[#log + 1] = r or ("compensation failed: " .. tostring(cerr))
    end
    return nil, errors.new({kind = err:kind(), retryable = false,
      message = err:message() .. "; compensated: " .. table.concat(log, ",")})
  end

  local _, e1 = step("it:reserve", "it:release", order.id)
  if e1 then return compensate(e1) end
  local _, e2 = step("it:charge", "it:refund", order.id)
  if e2 then return compensate(e2) end
  time.sleep("3s")
  local _, e3 = step("it:ship", "it:unship", order.id)
  if e3 then return compensate(e3) end
  return {done = done}
end
return {main = main}