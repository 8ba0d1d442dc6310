-- An order: charge the customer, wait (a durable timer) while collecting
-- "note" signals, ship; if shipping fails, refund the charge and fail the
-- order with the shipping error.
local funcs = require("funcs")
local time = require("time")

local function main(order)
  local activities = funcs.new():with_options({
    ["activity.start_to_close_timeout"] = "30s",
    ["activity.retry_policy"] = { maximum_attempts = 3, initial_interval = "1s" },
  })

  local payment, err = activities:call("shop:charge", order)
  if err then
    return nil, err
  end

  -- Wait before shipping; notes sent meanwhile (`moonflow signal ID note
  -- --input '"gift wrap"'`) go with the shipment.
  local notes = {}
  local ship_at, note_signals = time.after(order.ship_after or "2s"), process.listen("note")
  while true do
    local r = channel.select({ ship_at:case_receive(), note_signals:case_receive() })
    if r.channel == ship_at then break end
    notes[#notes + 1] = r.value
  end

  local shipment, ship_err = activities:call("shop:ship", order, payment)
  if ship_err then
    local _, refund_err = activities:call("shop:refund", payment)
    if refund_err then
      return nil, refund_err
    end
    return nil, errors.new({
      kind = ship_err:kind(),
      message = "shipping failed, payment refunded: " .. ship_err:message(),
      retryable = false,
    })
  end

  return {
    order_id = order.id,
    payment_id = payment.payment_id,
    tracking = shipment.tracking,
    status = "shipped",
    notes = #notes > 0 and notes or nil,
  }
end

return { main = main }
