local workflow = require("workflow")

return function(order)
  local r1, err = process.exec("it:inventory", "it:worker", order)
  local r2, err2 = workflow.exec("it:invoice", order)
  return {
    first = {value = r1, kind = err and err:kind(), retryable = err and err:retryable(),
             message = err and err:message()},
    second = {value = r2, err = err2 and tostring(err2)},
  }
end