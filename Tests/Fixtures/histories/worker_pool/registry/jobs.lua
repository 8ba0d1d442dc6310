local time = require("time")
local M = {}
function M.process(job)
  time.sleep("700ms")
  return "job-" .. job .. "-done"
end
return M