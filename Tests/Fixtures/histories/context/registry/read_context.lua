local ctx = require("ctx")
return function(id)
  local all = ctx.all()
  return {id = id, tenant = ctx.get("tenant"), trace = ctx.get("trace"), keys = #(function()
    local ks = {} for k in pairs(all) do ks[#ks + 1] = k end return ks end)()}
end