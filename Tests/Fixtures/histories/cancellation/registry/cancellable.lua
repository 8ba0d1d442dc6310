local funcs = require("funcs")

return function(order)
  local events = process.events()
  local payment = funcs.call("it:charge", order.id)
  while true do
    local ev = events:receive()
    if ev.kind == process.event.CANCEL then
      local refund = funcs.call("it:refund", payment)
      return nil, errors.new({kind = errors.CANCELED, message = "cancelled after " .. refund})
    end
  end
end