local time = require("time")

return function(start)
  local adds, deadline = process.listen("add"), time.after("12s")
  local total, count = start, 0
  while true do
    local r = channel.select({adds:case_receive(), deadline:case_receive()})
    if r.channel == deadline then return {total = total, count = count} end
    total = total + r.value
    count = count + 1
  end
end