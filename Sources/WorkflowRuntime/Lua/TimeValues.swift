/// Workflow prelude, part 3: `Time` and `Duration` values of the `time`
/// module, and duration arguments (numbers are nanoseconds there).
enum TimeValues {
    static let source = #"""
local P = ...
local common = P.common
-- Time and Duration values. ----------------------------------------------
local Duration = { __name = "moonflow.duration" }
Duration.__index = Duration
function P.new_duration(ns) return setmetatable({ ns = ns }, Duration) end
function Duration:nanoseconds() return self.ns end
function Duration:microseconds() return self.ns / 1e3 end
function Duration:milliseconds() return self.ns / 1e6 end
function Duration:seconds() return self.ns / 1e9 end
function Duration:minutes() return self.ns / 6e10 end
function Duration:hours() return self.ns / 3.6e12 end
Duration.__tostring = function(d) return tostring(d.ns / 1e9) .. "s" end
Duration.__eq = function(a, b) return a.ns == b.ns end
Duration.__lt = function(a, b) return a.ns < b.ns end

local Time = { __name = "moonflow.time" }
Time.__index = Time
function P.new_time(ns) return setmetatable({ ns = ns }, Time) end
function Time:unix() return self.ns // 1000000000 end
function Time:unix_nano() return self.ns end
function Time:unix_milli() return self.ns // 1000000 end
function Time:sub(other) return P.new_duration(self.ns - other.ns) end
function Time:add(d) return P.new_time(self.ns + (type(d) == "table" and d.ns or d)) end
function Time:before(o) return self.ns < o.ns end
function Time:after(o) return self.ns > o.ns end
function Time:equal(o) return self.ns == o.ns end
function Time:format_rfc3339()
  local secs, frac = self.ns // 1000000000, self.ns % 1000000000
  local s = os.date("!%Y-%m-%dT%H:%M:%S", secs)
  if frac ~= 0 then s = s .. ("." .. string.format("%09d", frac)):gsub("0+$", "") end
  return s .. "Z"
end
Time.__tostring = Time.format_rfc3339
Time.__eq = function(a, b) return a.ns == b.ns end
Time.__lt = function(a, b) return a.ns < b.ns end

--- time-module durations: numbers are nanoseconds.
function P.duration_ns(d)
  if type(d) == "number" then return math.floor(d) end
  if getmetatable(d) == Duration then return d.ns end
  if type(d) == "string" then return common.parse_duration_ns(d) end
  return nil, "duration must be a string like \"5s\", a number of nanoseconds or a Duration, got " .. type(d)
end

P.Duration = Duration
P.Time = Time
"""#
}
