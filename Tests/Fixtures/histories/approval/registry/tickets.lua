local M = {}
function M.open(req) return "T-" .. req.id end
function M.close(ticket, by) return ticket .. " approved by " .. by end
return M