local M = {}
-- The no-op activity of W2: returns its argument.
function M.echo(v)
  return v
end
return M
