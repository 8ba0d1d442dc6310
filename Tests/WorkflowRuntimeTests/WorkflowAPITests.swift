import XCTest
import Registry
import Replay
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Side effects, versions, children, external signals, cancellation and
/// context through the real Lua runtime, each replayed from canned history.
final class WorkflowAPITests: LuaWorkflowTestCase {
    let all = ["funcs", "time", "workflow", "uuid", "crypto", "ctx", "json"]

    func firstTask(_ h: inout HistoryBuilder, input: [JSONValue] = [], context: JSONValue? = nil) -> Int64 {
        h.started(input: input.map(encode))
        return h.workflowTask()
    }

    // MARK: side effects

    func testUUIDIsRecordedLiveAndReturnedFromHistoryOnReplay() async {
        let src = "local uuid = require('uuid')\nreturn function() local a = uuid.v4(); local b = uuid.v4(); return {a = a, b = b} end"
        var h = HistoryBuilder(workflowType: "test:wf")
        _ = firstTask(&h)
        let live = commands(await run(pool(src, modules: all), h.events))
        XCTAssertEqual(live.count, 3)
        guard case .recordMarker(let name, let details, _) = live[0], name == "SideEffect",
              case .string(let a)? = details["data"].map({ json($0[0]) }) else { return XCTFail("\(live)") }
        XCTAssertEqual(details["side-effect-id"].map { json($0[0]) }, .int(1))
        XCTAssertEqual(a.count, 36)
        XCTAssertEqual(Array(a)[14], "4")

        // Replay: history recorded two fixed values; the code returns them.
        var r = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&r)
        r.workflowTaskCompleted(started: t1)
        r.marker(name: "SideEffect", details: ["side-effect-id": [encode(.int(1))], "data": [encode(.string("u-1"))]])
        r.marker(name: "SideEffect", details: ["side-effect-id": [encode(.int(2))], "data": [encode(.string("u-2"))]])
        r.completed(result: [encode(.object(["a": .string("u-1"), "b": .string("u-2")]))])
        let replay = commands(await run(pool(src, modules: all), r.events, previousStarted: t1))
        XCTAssertEqual(replay, [])   // everything matched, nothing new to send
    }

    func testRandomBytesTravelAsBinary() async {
        let src = "local crypto = require('crypto')\nreturn function() return #crypto.random_bytes(12) end"
        var h = HistoryBuilder(workflowType: "test:wf")
        _ = firstTask(&h)
        let cmds = commands(await run(pool(src, modules: all), h.events))
        guard case .recordMarker(_, let details, _) = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertEqual(details["data"]?.first?.encoding, "binary/plain")
        XCTAssertEqual(details["data"]?.first?.data.count, 12)
        XCTAssertEqual(cmds.last, .completeWorkflowExecution(result: [encode(.int(12))]))
    }

    // MARK: versions

    static let versioned = """
    local workflow = require('workflow')
    return function()
      local v = workflow.version("new-step", workflow.DEFAULT_VERSION, 2)
      return v
    end
    """

    func testNewExecutionRecordsMaxVersionWithGoMarkerAndSearchAttribute() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        _ = firstTask(&h)
        let cmds = commands(await run(pool(Self.versioned, modules: all), h.events))
        XCTAssertEqual(cmds.count, 3, "\(cmds)")
        guard case .recordMarker("Version", let details, _) = cmds[0] else { return XCTFail("\(cmds)") }
        XCTAssertEqual(details["change-id"].map { json($0[0]) }, .string("new-step"))
        XCTAssertEqual(details["version"].map { json($0[0]) }, .int(2))
        guard case .upsertWorkflowSearchAttributes(let sa) = cmds[1], let p = sa["TemporalChangeVersion"] else {
            return XCTFail("\(cmds)")
        }
        XCTAssertEqual(json(p), .array([.string("new-step-2")]))
        XCTAssertEqual(p.metadata["type"].map { String(decoding: $0, as: UTF8.self) }, "KeywordList")
        XCTAssertEqual(cmds[2], .completeWorkflowExecution(result: [encode(.int(2))]))
    }

    func testReplayWithoutMarkerGetsDefaultVersion() async {
        // History written before the version call existed: the task completed
        // with a timer... here simply: first task recorded a completion.
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        h.completed(result: [encode(.int(-1))])
        let cmds = commands(await run(pool(Self.versioned, modules: all), h.events, previousStarted: t1))
        XCTAssertEqual(cmds, [])
    }

    func testReplayWithMarkerReturnsRecordedVersionAndOutOfRangeFailsTheTask() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        h.marker(name: "Version", details: ["change-id": [encode(.string("new-step"))], "version": [encode(.int(1))]])
        h.upsertSearchAttributes(["TemporalChangeVersion": encode(.array([.string("new-step-1")]))])
        h.completed(result: [encode(.int(1))])
        let ok = commands(await run(pool(Self.versioned, modules: all), h.events, previousStarted: t1))
        XCTAssertEqual(ok, [])
        let narrowed = Self.versioned.replacingOccurrences(of: "workflow.DEFAULT_VERSION, 2", with: "2, 3")
        let answer = await run(pool(narrowed, modules: all), h.events, previousStarted: t1)
        guard case .failed(_, let f) = answer else { return XCTFail("\(answer)") }
        XCTAssertTrue(f.message.contains("new-step") && f.message.contains("version 1"), f.message)
    }

    func testVersionMarkerOfRemovedCallIsSkipped() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        h.marker(name: "Version", details: ["change-id": [encode(.string("old"))], "version": [encode(.int(1))]])
        h.upsertSearchAttributes(["TemporalChangeVersion": encode(.array([.string("old-1")]))])
        h.completed(result: [encode(.null)])
        let cmds = commands(await run(pool("return function() end", modules: all), h.events, previousStarted: t1))
        XCTAssertEqual(cmds, [])
    }

    // MARK: children

    static let parent = """
    return function()
      local r, err = process.exec("test:child", "test:other", {n = 1})
      if err then return {kind = err:kind(), message = err:message()} end
      return {result = r}
    end
    """

    func testChildStartsWithResolvedTypeAndQueueAndReturnsResult() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        let first = commands(await run(pool(Self.parent), h.events))
        guard case .startChildWorkflowExecution(let child)? = first.first else { return XCTFail("\(first)") }
        XCTAssertEqual(child.workflowType, "ChildType")
        XCTAssertEqual(child.taskQueue, "other-q")
        XCTAssertEqual(child.workflowId, "wf-1/1")
        XCTAssertEqual(child.input.map(json), [.object(["n": .int(1)])])

        h.workflowTaskCompleted(started: t1)
        let initiated = h.childInitiated(id: "wf-1/1", type: "ChildType")
        h.childStarted(initiated: initiated, id: "wf-1/1", type: "ChildType")
        h.childCompleted(initiated: initiated, id: "wf-1/1", result: [encode(.string("done"))])
        h.workflowTask()
        let final = commands(await run(pool(Self.parent), h.events, previousStarted: t1))
        XCTAssertEqual(final, [.completeWorkflowExecution(result: [encode(.object(["result": .string("done")]))])])
    }

    func testFailingChildSurfacesItsKind() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        let initiated = h.childInitiated(id: "wf-1/1", type: "ChildType")
        h.childStarted(initiated: initiated, id: "wf-1/1", type: "ChildType")
        h.childFailed(initiated: initiated, id: "wf-1/1", failure: Failure(
            message: "no stock", info: .application(type: "NOT_FOUND", nonRetryable: true, details: [])))
        h.workflowTask()
        let final = commands(await run(pool(Self.parent), h.events, previousStarted: t1))
        XCTAssertEqual(final, [.completeWorkflowExecution(result: [encode(.object([
            "kind": .string("NOT_FOUND"), "message": .string("no stock")]))])])
    }

    func testSpawnedChildExitEventArrivesOnEvents() async {
        let src = """
        return function()
          local pid = process.spawn("test:child", "test:other")
          local ev = process.events():receive()
          return {pid = pid, kind = ev.kind, from = ev.from, value = ev.result.value}
        end
        """
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        let initiated = h.childInitiated(id: "wf-1/1", type: "ChildType")
        h.childStarted(initiated: initiated, id: "wf-1/1", type: "ChildType")
        let t2 = h.workflowTask()
        h.workflowTaskCompleted(started: t2)
        h.childCompleted(initiated: initiated, id: "wf-1/1", result: [encode(.int(5))])
        h.workflowTask()
        let final = commands(await run(pool(src), h.events, previousStarted: t2))
        XCTAssertEqual(final, [.completeWorkflowExecution(result: [encode(.object([
            "pid": .string("wf-1/1"), "kind": .string("pid.exit"), "from": .string("wf-1/1"), "value": .int(5)]))])])
    }

    // MARK: signals to other workflows

    func testSendToMissingWorkflowIsNotFound() async {
        let src = """
        return function()
          local ok, err = process.send("nobody", "ping", 1)
          return {ok = ok, kind = err and err:kind(), retryable = err and err:retryable()}
        end
        """
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        let first = commands(await run(pool(src), h.events))
        guard case .signalExternalWorkflowExecution(_, let target, let name, let input, _, let header)? = first.first else {
            return XCTFail("\(first)")
        }
        XCTAssertEqual(target.workflowId, "nobody")
        XCTAssertEqual(name, "ping")
        XCTAssertEqual(input.map(json), [.int(1)])
        XCTAssertEqual(header["moonflow-from"].map(json), .string("wf-1"))
        h.workflowTaskCompleted(started: t1)
        let initiated = h.signalExternalInitiated(workflowId: "nobody", signal: "ping")
        h.signalExternalFailed(initiated: initiated, workflowId: "nobody")
        h.workflowTask()
        let final = commands(await run(pool(src), h.events, previousStarted: t1))
        XCTAssertEqual(final, [.completeWorkflowExecution(result: [encode(.object([
            "kind": .string("NOT_FOUND"), "retryable": .bool(false)]))])])
    }

    // MARK: cancellation

    func testCancelWithoutEventsCancelsPendingWorkAndTheExecution() async {
        let src = "local funcs = require('funcs')\nreturn function() return funcs.call('test:slow') end"
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        let scheduled = h.activityScheduled(id: "1", type: "test:slow")
        h.cancelRequested(reason: "user")
        h.workflowTask()
        let cmds = commands(await run(pool(src), h.events, previousStarted: t1))
        XCTAssertEqual(cmds, [.requestCancelActivityTask(scheduledEventId: scheduled), .cancelWorkflowExecution(details: [])])
    }

    func testCancelEventLetsTheWorkflowCompensateThenEndCancelled() async {
        let src = """
        local funcs = require('funcs')
        return function()
          local events = process.events()
          local ev = events:receive()
          if ev.kind == process.event.CANCEL then
            funcs.call('test:compensate')
            return nil, errors.new{kind = errors.CANCELED, message = 'cancelled after cleanup'}
          end
        end
        """
        var h = HistoryBuilder(workflowType: "test:wf")
        let t1 = firstTask(&h)
        h.workflowTaskCompleted(started: t1)
        h.cancelRequested(reason: "user")
        let t2 = h.workflowTask()
        let second = commands(await run(pool(src), h.events, previousStarted: t1))
        guard case .scheduleActivityTask(let a)? = second.first else { return XCTFail("\(second)") }
        XCTAssertEqual(a.activityType, "test:compensate")
        h.workflowTaskCompleted(started: t2)
        let scheduled = h.activityScheduled(id: "1", type: "test:compensate")
        h.activityCompleted(scheduled: scheduled, result: [encode(.null)])
        h.workflowTask()
        let final = commands(await run(pool(src), h.events, previousStarted: t2))
        XCTAssertEqual(final, [.cancelWorkflowExecution(details: [])])
    }

    func testAsyncActivityCancelledBeforeSendingNeverLeavesTheWorker() async {
        let src = """
        local funcs = require('funcs')
        return function()
          local f = funcs.async('test:slow')
          f:cancel()
          local v, err = f:result()
          return err:kind()
        end
        """
        var h = HistoryBuilder(workflowType: "test:wf")
        _ = firstTask(&h)
        let cmds = commands(await run(pool(src), h.events))
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.string("CANCELED"))])])
    }

    // MARK: context

    func testContextTravelsToActivitiesAndIsReadable() async {
        let src = """
        local funcs, ctx = require('funcs'), require('ctx')
        return function()
          local user = ctx.get('user')
          local _, missing = ctx.get('nope')
          funcs.call('test:act')
          return {user = user, missing = missing:kind()}
        end
        """
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started(input: [], header: ["moonflow-context": encode(.object(["user": .string("ann")]))])
        h.workflowTask()
        let cmds = commands(await run(pool(src, modules: all), h.events))
        guard case .scheduleActivityTask(let a)? = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertEqual(a.header["moonflow-context"].map(json), .object(["user": .string("ann")]))
    }
}
