local M = {}
function M.ship(id, go) return "ship " .. id .. " " .. go end
function M.ship_fast(id, go) return "fast ship " .. id .. " " .. go end
return M