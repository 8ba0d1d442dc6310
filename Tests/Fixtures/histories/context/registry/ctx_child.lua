local ctx = require("ctx")
local funcs = require("funcs")
local time = require("time")
return function(id)
  local mine = ctx.get("tenant")
  time.sleep("3s")
  local from_activity = funcs.call("it:read_context", id)
  return {workflow = mine, activity = from_activity}
end