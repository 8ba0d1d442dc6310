/// The Lua chunk that assembles sandbox base tables. It runs with the real
/// globals and receives the C primitives, the sandbox kind and, for
/// workflows, the host clock (a function returning seconds since the epoch).
enum SandboxBuilder {
    static let chunkName = "=moonflow.sandbox"

    static let source = #"""
    local prims, kind, clock = ...
    local G = _G

    local function copy(t)
      local c = {}
      for k, v in next, t do c[k] = v end
      return c
    end

    if kind == "activity" then
      local env = {}
      for k, v in next, G do env[k] = v end
      for _, lib in ipairs { "string", "table", "math", "utf8", "coroutine", "os", "io", "debug", "package" } do
        env[lib] = copy(G[lib])
      end
      local why = "activities: "
      env.os.exit = prims.forbidden("os.exit", why .. "it would stop the worker process; return or raise an error")
      env.os.setlocale = prims.forbidden("os.setlocale", why .. "it changes the locale of the whole worker process")
      env.debug.sethook = prims.forbidden("debug.sethook", why .. "the worker's hook stops runaway code")
      env._G = env
      return env
    end

    local wf = "workflows: workflow code must be deterministic"
    local io_reason = wf .. "; do I/O in an activity"
    local env = {}
    for _, name in ipairs {
      "assert", "error", "getmetatable", "ipairs", "next", "pcall", "print", "rawequal", "rawget",
      "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION",
    } do
      env[name] = G[name]
    end
    env.pairs = prims.pairs
    local setmetatable_ = G.setmetatable
    env.setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("setmetatable with a __gc metamethod is not available in workflows: "
          .. "finalizers run at nondeterministic times", 2)
      end
      return setmetatable_(t, mt)
    end
    env.load = prims.makeload(G.load)
    env.collectgarbage = prims.makecollectgarbage(G.collectgarbage)
    env.loadfile = prims.forbidden("loadfile", wf .. " and files differ between workers; require a registered module")
    env.dofile = prims.forbidden("dofile", wf .. " and files differ between workers; require a registered module")
    env.require = prims.forbidden("require", "workflows: only modules listed in the registry can be required")
    env.string = copy(G.string)
    env.table = copy(G.table)
    env.utf8 = copy(G.utf8)
    env.coroutine = copy(G.coroutine)
    env.math = copy(G.math)
    env.math.random = prims.random
    env.math.randomseed = prims.randomseed
    env.io = prims.forbiddenmodule("io", io_reason)
    env.debug = prims.forbiddenmodule("debug", "workflows: it can break the sandbox and determinism")
    env.package = prims.forbiddenmodule("package", "workflows: modules come from the worker's registry")

    local floor, tointeger, date = math.floor, math.tointeger, os.date
    local function now() return clock() end

    local function field(t, name, default)
      local v = t[name]
      if v == nil then
        if default == nil then error("field '" .. name .. "' missing in date table", 3) end
        return default
      end
      local i = tointeger(v)
      if i == nil then error("field '" .. name .. "' is not an integer", 3) end
      return i
    end

    -- os.time(table) in UTC (the standard one uses the worker's time zone).
    local function utc_time(t)
      local year, month = field(t, "year"), field(t, "month") - 1
      local day = field(t, "day")
      local hour, min, sec = field(t, "hour", 12), field(t, "min", 0), field(t, "sec", 0)
      year, month = year + month // 12, month % 12 + 1
      local y = month <= 2 and year - 1 or year
      local era = y // 400
      local yoe = y - era * 400
      local doy = (153 * ((month + 9) % 12) + 2) // 5
      local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
      local days = era * 146097 + doe - 719468 + day - 1
      return days * 86400 + hour * 3600 + min * 60 + sec
    end

    env.os = {
      time = function(t)
        if t == nil then return floor(now()) end
        return utc_time(t)
      end,
      clock = now,
      date = function(format, t)
        format = format or "%c"
        if format:sub(1, 1) ~= "!" then format = "!" .. format end
        return date(format, t or floor(now()))
      end,
      difftime = os.difftime,
      execute = prims.forbidden("os.execute", io_reason),
      remove = prims.forbidden("os.remove", io_reason),
      rename = prims.forbidden("os.rename", io_reason),
      tmpname = prims.forbidden("os.tmpname", io_reason),
      getenv = prims.forbidden("os.getenv", "workflows: the environment differs between workers; pass configuration as workflow input"),
      exit = prims.forbidden("os.exit", "workflows: it would stop the worker process; return or raise an error"),
      setlocale = prims.forbidden("os.setlocale", "workflows: it changes the locale of the whole worker process"),
    }
    return env
    """#
}
