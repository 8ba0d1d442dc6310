local M = {}
function M.charge(id) return "pay-" .. id end
function M.refund(p) return "refund-" .. p end
return M