-- Activities of faults:fulfil_workflow. Only faults:slow lists the time
-- module, so only it requires it.
local M = {}

function M.pick(id, i)
  return { weight = i * 10 + #tostring(id) }
end

function M.flaky(id, fail_first)
  local attempt = activity.info().attempt
  if attempt <= fail_first then
    return nil, errors.new({ kind = errors.UNAVAILABLE, message = "flaky: attempt " .. attempt .. " fails", retryable = true })
  end
  return "ok-" .. tostring(id)
end

function M.slow(id, ms)
  if ms and ms > 0 then require("time").sleep(tostring(ms) .. "ms") end
  return "slept-" .. tostring(id)
end

return M
