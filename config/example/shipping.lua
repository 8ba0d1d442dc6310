-- Shipping activity: fails (without retrying) when the order has no address,
-- which makes the workflow refund the payment.
local M = {}

function M.ship(order, payment)
  if not order.address or order.address == "" then
    return nil, errors.new({ kind = errors.INVALID, message = "order " .. tostring(order.id) .. " has no shipping address", retryable = false })
  end
  return { tracking = "TRK-" .. tostring(order.id), paid_with = payment.payment_id }
end

return M
