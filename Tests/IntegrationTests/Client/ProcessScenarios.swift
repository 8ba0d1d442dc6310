/// The activity (`it:act`) the client tests drive: one scenario of the
/// activity `process` API per call, reporting what it observed.
enum ProcessScenarios {
    static let lua = #"""
local ctx = require("ctx")
local time = require("time")
local S = {}
local function kind(e) return e and e:kind() end
local function str(e) return e and tostring(e) end

function S.conflict(a)
  local id = a.id
  local sp = process.with_options({["temporal.workflow.id"] = id})
  local p1, e1 = sp:spawn("echo", nil, {wait = 1, tag = "first"})
  local p2, e2 = sp:spawn("echo", nil, {wait = 1, tag = "second"})          -- use_existing: reused
  local _, e3 = sp:with_options({["temporal.workflow.id_conflict_policy"] = "fail"}):spawn("echo", nil, {tag = "x"})
  local _, e4 = sp:with_options({["temporal.workflow.execution_error_when_already_started"] = true})
    :spawn("echo", nil, {tag = "y"})
  local p5, e5 = sp:with_options({["temporal.workflow.id_conflict_policy"] = "terminate_existing"})
    :spawn_monitored("echo", nil, {wait = 1, tag = "third"})
  local sent, serr = process.send(p5, "go", "now")
  local ev = process.events():receive("30s")
  return {p1 = p1, p2 = p2, e1 = str(e1), e2 = str(e2), e3 = kind(e3), e3_message = str(e3), e4 = kind(e4),
    p5 = p5, e5 = str(e5), sent = sent, serr = str(serr), kind = ev and ev.kind,
    tag = ev and ev.result.value and ev.result.value.tag}
end

function S.reuse(a)
  local function run(id, policy, input)
    local o = {["temporal.workflow.id"] = id}
    if policy then o["temporal.workflow.id_reuse_policy"] = policy end
    local r, e = process.with_options(o):exec("echo", nil, input or {})
    return {ok = r ~= nil, kind = kind(e) or "none"}
  end
  local ok_id, failed_id = a.id .. "-ok", a.id .. "-failed"
  return {
    first = run(ok_id, nil, {}),
    reject = run(ok_id, "reject_duplicate", {}),
    allow = run(ok_id, "allow_duplicate", {}),
    failed_only_after_ok = run(ok_id, "allow_duplicate_failed_only", {}),
    fail_run = run(failed_id, nil, {fail = "INTERNAL"}),
    failed_only_after_fail = run(failed_id, "allow_duplicate_failed_only", {}),
  }
end

function S.with_name(a)
  local p1, e1 = process.with_name(a.id):with_message("m", "one"):spawn("echo", nil, {wait = 2, tag = "first"})
  local p2, e2 = process.with_name(a.id):with_message("m", "two"):spawn("echo", nil, {wait = 2, tag = "second"})
  local ok, merr = process.monitor(a.id)
  local ev = process.events():receive("30s")
  return {p1 = p1, p2 = p2, e1 = str(e1), e2 = str(e2), monitored = ok, merr = str(merr),
    result = ev and ev.result.value, error = ev and str(ev.result.error)}
end

function S.messages(a)
  local pid, err = process.with_options({["temporal.workflow.id"] = a.id})
    :with_message("m", 1):with_message("m", 2):with_message("m", 3)
    :spawn_monitored("echo", nil, {wait = 4})
  local sent, serr = process.send(pid, "m", 4)
  local ev = process.events():receive("30s")
  return {pid = pid, err = str(err), sent = sent, serr = str(serr), me = activity.info().workflow_id,
    result = ev and ev.result.value, error = ev and str(ev.result.error)}
end

function S.context(a)
  local r, e = process.with_name(a.id):with_context({tenant = "acme"}):exec("echo", nil, {call_ctx = true})
  return {result = r, err = str(e), mine = ctx.all()}
end

function S.exec(a)
  local r1, e1 = process.exec("echo", nil, {tag = "plain"})
  local r2, e2 = process.exec("it:echo", "worker", {fail = "CONFLICT"})
  local r3, e3 = process.exec("echo", nil, {can = 2, tag = "after-can"})
  local _, e4 = process.exec("nope")
  local _, e5 = process.with_options({bogus = 1}):exec("echo")
  local _, e6 = process.with_options({["temporal.workflow.execution_timeout"] = true}):exec("echo")
  local _, e7 = process.with_options("x"):spawn("echo")
  local _, e8 = process.spawn(42)
  local _, e9 = process.send(nil, "t")
  return {r1 = r1 and r1.tag, e1 = str(e1), r2 = r2 ~= nil, e2 = kind(e2), e2_message = e2 and e2:message(),
    r3 = r3 and r3.tag, e3 = str(e3), e4 = kind(e4), e4_message = str(e4), e5 = kind(e5), e5_message = str(e5),
    e6 = kind(e6), e6_message = str(e6), e7 = kind(e7), e8 = kind(e8), e9 = kind(e9)}
end

function S.steer(a)
  local events = process.events()
  local p1 = process.with_name(a.id .. "-c"):spawn_monitored("echo", nil, {wait = 1})
  local ok1, e1 = process.cancel(p1)
  local ev1 = events:receive("30s")
  local p2 = process.with_name(a.id .. "-t"):spawn_monitored("echo", nil, {wait = 1})
  local ok2, e2 = process.terminate(p2, "bye")
  local ev2 = events:receive("30s")
  local p3 = process.with_name(a.id .. "-l"):spawn("echo", nil, {wait = 1, fail = "CONFLICT"})
  local ok3 = process.link(p3)
  process.send(p3, "go", 1)
  local ev3 = events:receive("30s")
  local p4 = process.with_name(a.id .. "-d"):spawn("echo", nil, {wait = 1, ignore_cancel = true})
  time.sleep("1s")   -- its first workflow task has run process.events(), so it owns cancellation
  local ok4, e4 = process.cancel(p4, "2s")
  local p5 = process.with_name(a.id .. "-u"):spawn("echo", nil, {wait = 1})
  process.monitor(p5)
  process.unmonitor(p5)
  process.send(p5, "go", 1)
  local ev5, got5 = events:receive("3s")
  local _, e6 = process.send(a.id .. "-missing", "x", 1)
  return {ok1 = ok1, e1 = str(e1), ev1_kind = ev1 and ev1.kind, ev1_from = ev1 and ev1.from,
    ev1_error = ev1 and kind(ev1.result.error),
    ok2 = ok2, e2 = str(e2), ev2_error = ev2 and kind(ev2.result.error), ev2_message = ev2 and str(ev2.result.error),
    ok3 = ok3, ev3_kind = ev3 and ev3.kind, ev3_error = ev3 and kind(ev3.result.error),
    ok4 = ok4, e4 = str(e4), got5 = got5, e6 = kind(e6)}
end

function S.schedule(a)
  local p1, e1 = process.with_options({["temporal.workflow.id"] = a.id .. "-cron",
    ["temporal.workflow.cron_schedule"] = "@every 2s"}):spawn("echo", nil, {tag = "cron"})
  local p2, e2 = process.with_options({["temporal.workflow.id"] = a.id .. "-delay",
    ["temporal.workflow.start_delay"] = "3s"}):spawn("echo", nil, {tag = "delayed"})
  local p3, e3 = process.with_options({id = a.id .. "-attrs", memo = {note = "hello"},
    search_attributes = {MoonflowTag = "kw", MoonflowCount = 7}}):spawn("echo", nil, {wait = 1})
  return {p1 = p1, e1 = str(e1), p2 = p2, e2 = str(e2), p3 = p3, e3 = str(e3)}
end

return function(a)
  local f = S[a.scenario]
  if not f then return nil, errors.new{kind = "INVALID", message = "no scenario " .. tostring(a.scenario)} end
  return f(a)
end
"""#
}
