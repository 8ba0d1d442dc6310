local funcs = require("funcs")
local time = require("time")
return function(order)
  time.sleep("3s")
  return funcs.call("it:make_invoice", order.id)
end