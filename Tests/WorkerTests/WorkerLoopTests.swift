import ActivityRuntime
import Logging
import Registry
import TemporalModel
import TestSupport
import WorkflowRuntime
import XCTest
@testable import Worker

/// The worker loop against a scripted service: sticky cache misses, eviction
/// after a rejected completion, query tasks, eager activities, unknown
/// activity types, and shutdown.
final class WorkerLoopTests: XCTestCase {
    static let workflow = """
    local funcs, workflow = require('funcs'), require('workflow')
    return function()
      local n = 0
      workflow.on_query("n", function() return n end)
      local a = funcs.call('t:act', 1)
      n = a
      local b = funcs.call('t:act', a)
      return b
    end
    """

    func makeWorker(_ service: FakeWorkerService) -> TaskQueueWorker {
        let registry = Registry(
            workflows: [WorkflowEntry(id: "t:wf", namespace: "t", name: "wf",
                                      source: LuaSource(text: Self.workflow, chunkName: "wf.lua", path: "wf.lua"),
                                      modules: ["funcs", "workflow"], workerId: "t:worker")],
            functions: [FunctionEntry(id: "t:act", namespace: "t", name: "act",
                                      source: LuaSource(text: "return function(x) return x + 1 end", chunkName: "act.lua",
                                                        path: "act.lua"),
                                      activityWorkerId: "t:worker")])
        let settings = WorkerSettings(workerId: "t:worker", namespace: "default", taskQueue: "tq", identity: "test",
                                      workflowPollers: 1, activityPollers: 1, gracePeriod: .seconds(2),
                                      stickyQueue: "tq-sticky")
        return TaskQueueWorker(settings: settings, service: service,
                               workflows: WorkflowPool(registry: registry, workerId: "t:worker", namespace: "default",
                                                       threads: 1, maxCachedWorkflows: 10),
                               activities: ActivityPool(registry: registry, workerId: "t:worker"),
                               logger: Logger(label: "test"))
    }

    /// History up to the second workflow task (activity 1 completed).
    func history() -> (events: [HistoryEvent], t1: Int64, t2: Int64) {
        var h = HistoryBuilder(workflowType: "t:wf", taskQueue: "tq")
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let a = h.activityScheduled(id: "1", type: "t:act")
        h.activityCompleted(scheduled: a, result: [try! PayloadCodec.encode(.int(2))])
        let t2 = h.workflowTask()
        return (h.events, t1, t2)
    }

    func task(_ events: [HistoryEvent], run: String = "run-1", previousStarted: Int64, token: UInt8,
              query: WorkflowQuery? = nil) -> WorkflowTask {
        WorkflowTask(taskToken: [token], workflowExecution: WorkflowExecution(workflowId: "wf-\(run)", runId: run),
                     workflowType: "t:wf", previousStartedEventId: previousStarted,
                     startedEventId: events.last?.eventId ?? 0, attempt: 1, history: History(events: events),
                     query: query)
    }

    func run(_ worker: TaskQueueWorker, _ body: () async throws -> Void) async throws {
        let running = Task { await worker.run() }
        defer { running.cancel() }
        try await body()
        worker.stop()
        await running.value
    }

    func testStickyTaskForAnUnknownRunFetchesTheWholeHistory() async throws {
        let service = FakeWorkerService()
        let (events, t1, t2) = history()
        service.state.withLock { $0.histories["run-1"] = events }
        // A sticky task with only the new events, for a run this worker never saw.
        service.enqueue(task(Array(events[Int(t1)...]), previousStarted: t1, token: 2), on: "tq-sticky")
        try await run(makeWorker(service)) {
            try await service.wait("the completion") { !$0.completed.isEmpty }
        }
        let s = service.state.withLock { $0 }
        XCTAssertEqual(s.historyRequests.count, 1, "a cache miss fetches the history from event 1")
        XCTAssertEqual(s.historyRequests.first?.nextPageToken, [])
        guard case .scheduleActivityTask(let b)? = s.completed.first?.commands.first else {
            return XCTFail("\(s.completed)")
        }
        XCTAssertEqual(b.input.map { try? PayloadCodec.decode($0) }, [.int(2)])
        XCTAssertEqual(s.completed.first?.stickyAttributes?.workerTaskQueue.name, "tq-sticky")
        XCTAssertEqual(t2, events.last?.eventId)
    }

    func testNextTaskHandedBackInlineRunsOnTheCachedInstance() async throws {
        let service = FakeWorkerService()
        let (events, t1, _) = history()
        // The answer to the first task brings the second one back inline,
        // with only the new events: no poll and no history fetch needed.
        service.state.withLock { $0.inlineTasks = [task(Array(events[Int(t1)...]), previousStarted: t1, token: 2)] }
        service.enqueue(task(Array(events.prefix(Int(t1))), previousStarted: 0, token: 1), on: "tq")
        try await run(makeWorker(service)) {
            try await service.wait("both completions") { $0.completed.count == 2 }
        }
        let s = service.state.withLock { $0 }
        XCTAssertEqual(s.completed.map(\.taskToken), [[1], [2]])
        XCTAssertEqual(s.completed.map(\.returnNewWorkflowTask), [true, true])
        XCTAssertEqual(s.historyRequests.count, 0, "the inline task continues the cached instance")
        guard case .scheduleActivityTask(let b)? = s.completed[1].commands.first else { return XCTFail("\(s.completed)") }
        XCTAssertEqual(b.input.map { try? PayloadCodec.decode($0) }, [.int(2)])
    }

    func testRejectedCompletionEvictsTheRun() async throws {
        let service = FakeWorkerService()
        let (events, t1, _) = history()
        service.state.withLock {
            $0.histories["run-1"] = events
            $0.rejectCompletions = 1
        }
        service.enqueue(task(Array(events.prefix(Int(t1))), previousStarted: 0, token: 1), on: "tq")
        try await run(makeWorker(service)) {
            try await service.wait("the first task to be handled") { $0.rejectCompletions == 0 }
            try await Task.sleep(for: .milliseconds(50))
            // The rejected commands were never recorded: the next sticky task
            // must not continue the cached instance.
            service.enqueue(task(Array(events[Int(t1)...]), previousStarted: t1, token: 2), on: "tq-sticky")
            try await service.wait("the second completion") { !$0.completed.isEmpty }
        }
        XCTAssertEqual(service.state.withLock { $0.historyRequests.count }, 1)
    }

    func testQueryTaskIsAnsweredFromAReplay() async throws {
        let service = FakeWorkerService()
        let (events, _, _) = history()
        service.enqueue(task(events, previousStarted: 0, token: 9, query: WorkflowQuery(queryType: "n")), on: "tq")
        try await run(makeWorker(service)) {
            try await service.wait("the query answer") { !$0.queryAnswers.isEmpty }
        }
        let answer = service.state.withLock { $0.queryAnswers.first }
        XCTAssertEqual(answer?.taskToken, [9])
        XCTAssertEqual(answer?.result.resultType, .answered)
        XCTAssertEqual(answer?.result.answer.map { try? PayloadCodec.decode($0) }, [.int(2)])
        XCTAssertTrue(service.state.withLock { $0.completed.isEmpty }, "a query task completes no workflow task")
    }

    func testActivitiesAreRequestedEagerlyAndRunFromTheAnswer() async throws {
        let service = FakeWorkerService()
        let (events, t1, _) = history()
        let eager = ActivityTask(taskToken: [42], workflowNamespace: "default", workflowType: "t:wf",
                                 workflowExecution: WorkflowExecution(workflowId: "wf-run-1", runId: "run-1"),
                                 activityType: "t:act", activityId: "1", input: [try PayloadCodec.encode(.int(1))],
                                 attempt: 1)
        service.state.withLock { $0.eagerAnswer = [eager] }
        service.enqueue(task(Array(events.prefix(Int(t1))), previousStarted: 0, token: 1), on: "tq")
        try await run(makeWorker(service)) {
            try await service.wait("the eager activity's result") { !$0.activityCompleted.isEmpty }
        }
        let s = service.state.withLock { $0 }
        guard case .scheduleActivityTask(let a)? = s.completed.first?.commands.first else { return XCTFail("\(s.completed)") }
        XCTAssertTrue(a.requestEagerExecution)
        XCTAssertEqual(s.activityCompleted.first?.taskToken, [42])
        XCTAssertEqual(s.activityCompleted.first?.result.map { try? PayloadCodec.decode($0) }, [.int(2)])
    }

    func testUnknownActivityTypeFailsNonRetryablyWithNotFound() async throws {
        let service = FakeWorkerService()
        service.enqueue(ActivityTask(taskToken: [5], activityType: "t:missing", activityId: "1", attempt: 1), on: "tq")
        try await run(makeWorker(service)) {
            try await service.wait("the activity failure") { !$0.activityFailed.isEmpty }
        }
        let failure = service.state.withLock { $0.activityFailed.first?.failure }
        XCTAssertEqual(failure?.info, .application(type: "NOT_FOUND", nonRetryable: true, details: []))
        XCTAssertTrue(failure?.message.contains("t:missing") == true, failure?.message ?? "")
    }

    func testStopEndsRunAndReleasesTheStickyQueue() async throws {
        let service = FakeWorkerService()
        try await run(makeWorker(service)) {
            try await service.wait("both workflow queues polled") { $0.workflowPollQueues == ["tq", "tq-sticky"] }
        }
        let shutdowns = service.state.withLock { $0.shutdowns }
        XCTAssertEqual(shutdowns.map(\.stickyTaskQueue), ["tq-sticky"])
    }
}
