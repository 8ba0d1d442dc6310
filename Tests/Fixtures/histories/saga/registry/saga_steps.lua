local M = {}
function M.reserve(id) return "reserved-" .. id end
function M.release(x) return "released(" .. x .. ")" end
function M.charge(id) return "charged-" .. id end
function M.refund(x) return "refunded(" .. x .. ")" end
function M.ship(id)
  return nil, errors.new({kind = "NO_ADDRESS", message = "order " .. id .. " has no address", retryable = false})
end
function M.unship(x) return "unshipped(" .. x .. ")" end
return M