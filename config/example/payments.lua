-- Payment activities. A real system would call a payment provider here.
local M = {}

function M.charge(order)
  if type(order) ~= "table" or type(order.total) ~= "number" or order.total <= 0 then
    return nil, errors.new({ kind = errors.INVALID, message = "order total must be a positive number", retryable = false })
  end
  return { payment_id = "pay-" .. tostring(order.id), amount = order.total }
end

function M.refund(payment)
  return { refunded = payment.amount, payment_id = payment.payment_id }
end

return M
