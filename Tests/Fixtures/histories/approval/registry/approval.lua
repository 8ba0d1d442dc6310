local funcs = require("funcs")

return function(request)
  local approvals = process.listen("approve")
  local ticket = funcs.call("it:open_ticket", request)
  local by = approvals:receive()
  local msg = process.inbox():receive()
  local done = funcs.call("it:close_ticket", ticket, by)
  return {ticket = ticket, by = by, done = done,
          other = msg:topic(), data = msg:payload():data(), from = msg:from()}
end