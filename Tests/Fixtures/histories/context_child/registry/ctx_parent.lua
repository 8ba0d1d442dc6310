local ctx = require("ctx")
return function(req)
  local own = ctx.get("tenant")
  local r, err = process.with_context({tenant = req.tenant, trace = "t-" .. req.id})
    :with_options({["temporal.workflow.id"] = req.child_id})
    :exec("it:ctx_child", "it:worker", req.id)
  if err then return nil, err end
  return {child = r, parent_sees = own or "none"}
end