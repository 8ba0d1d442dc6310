return function(order)
  return nil, errors.new({kind = "OUT_OF_STOCK", message = "no stock for " .. order.id, retryable = false})
end