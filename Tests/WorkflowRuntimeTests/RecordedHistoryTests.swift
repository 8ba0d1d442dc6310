import Foundation
import XCTest
import Registry
import TemporalModel
@testable import WorkflowRuntime

/// Histories recorded from real runs of the SPEC §2 patterns against a
/// Temporal dev server (`Tests/IntegrationTests/Patterns/`, recorded with
/// `MOONFLOW_RECORD_FIXTURES=1`), each with the registry and Lua code that
/// produced it. Every one must replay cleanly against that code, and a
/// patched copy of the code (an activity or child swapped, a version range
/// narrowed) must fail naming the event and both sides.
final class RecordedHistoryTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()      // WorkflowRuntimeTests
        .deletingLastPathComponent()      // Tests
        .appendingPathComponent("Fixtures/histories")

    /// The fixtures every pattern must have recorded.
    static let expected = ["approval", "cancellation", "context", "context_child", "counter", "interleaved",
                           "parent_child", "saga", "versioned_v1_running", "versioned_v2_new", "worker_pool"]

    func fixtureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    func load(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Registry, History) {
        let registryDir = Self.fixtures.appendingPathComponent(name).appendingPathComponent("registry").path
        let registry: Registry
        do {
            registry = try RegistryLoader.load(directory: registryDir, environment: [:])
        } catch {
            XCTFail("\(name): the recorded registry does not load: \(error)", file: file, line: line)
            throw error
        }
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("\(name).json"))
        let history = try HistoryJSON.decode([UInt8](data))
        return (registry, history)
    }

    func testEveryPatternHasARecordedHistory() throws {
        let names = try fixtureNames()
        for name in Self.expected {
            XCTAssertTrue(names.contains(name), "missing recorded fixture \(name).json (have \(names))")
        }
    }

    func testEveryRecordedHistoryReplaysCleanly() throws {
        let names = try fixtureNames()
        XCTAssertFalse(names.isEmpty, "no fixtures under \(Self.fixtures.path)")
        for name in names {
            let (registry, history) = try load(name)
            XCTAssertTrue(history.events.last.map { [EventType.workflowExecutionCompleted, EventType.workflowExecutionFailed,
                                                     EventType.workflowExecutionCanceled].contains($0.eventType) } ?? false,
                          "\(name): the recorded history should be closed")
            let report = HistoryReplayer(registry: registry).replay(history)
            XCTAssertNil(report.failure, "\(name) (\(report.workflowType), \(report.events) events) does not replay")
            XCTAssertGreaterThan(report.workflowTasks, 0, name)
        }
    }

    /// What a daemon that lost its cache (after a `kill -9`) does at every
    /// workflow task: replay the history up to that task's
    /// WorkflowTaskStarted and run the code on. Every prefix must replay.
    func testEveryPrefixEndingAtAWorkflowTaskReplaysCleanly() throws {
        for name in try fixtureNames() {
            let (registry, history) = try load(name)
            let replayer = HistoryReplayer(registry: registry)
            let starts = history.events.indices.filter { history.events[$0].eventType == EventType.workflowTaskStarted }
            XCTAssertFalse(starts.isEmpty, name)
            for index in starts {
                let prefix = History(events: Array(history.events[...index]))
                let report = replayer.replay(prefix)
                XCTAssertNil(report.failure, "\(name) up to event \(history.events[index].eventId)")
            }
        }
    }

    // MARK: non-deterministic twins

    /// A patch of the workflow code and the first history event it must
    /// disagree with (the first ActivityTaskScheduled or
    /// StartChildWorkflowExecutionInitiated of `recorded`).
    struct Twin {
        var fixture: String
        var from: String
        var to: String
        var recorded: String
        var issued: String
    }

    static let twins: [Twin] = [
        Twin(fixture: "saga", from: #""it:charge""#, to: #""it:refund""#, recorded: "it:charge", issued: "it:refund"),
        Twin(fixture: "approval", from: #""it:open_ticket""#, to: #""it:close_ticket""#,
             recorded: "it:open_ticket", issued: "it:close_ticket"),
        Twin(fixture: "worker_pool", from: #""it:process""#, to: #""it:process_v2""#,
             recorded: "it:process", issued: "it:process_v2"),
        Twin(fixture: "parent_child", from: #""it:invoice""#, to: #""it:inventory""#,
             recorded: "InvoiceWorkflow", issued: "it:inventory"),
        Twin(fixture: "cancellation", from: #""it:refund""#, to: #""it:charge""#, recorded: "it:refund", issued: "it:charge"),
        Twin(fixture: "context", from: #""it:ctx_child""#, to: #""it:ctx_parent""#,
             recorded: "ContextChild", issued: "ContextParent"),
        Twin(fixture: "context_child", from: #""it:read_context""#, to: #""it:read_ctx""#,
             recorded: "it:read_context", issued: "it:read_ctx"),
        Twin(fixture: "interleaved", from: #""it:echo""#, to: #""it:echo2""#, recorded: "it:echo", issued: "it:echo2"),
        Twin(fixture: "versioned_v2_new", from: #"funcs.call("it:ship_fast""#, to: #"funcs.call("it:ship""#,
             recorded: "it:ship_fast", issued: "it:ship"),
    ]

    /// `registry` with `from` replaced by `to` in every workflow's Lua text
    /// (in memory; the fixture is never edited).
    func patched(_ registry: Registry, _ from: String, _ to: String, file: StaticString = #filePath,
                 line: UInt = #line) -> Registry {
        var copy = registry
        var changed = 0
        for (key, entry) in registry.workflows where entry.source.text.contains(from) {
            copy.workflows[key]?.source.text = entry.source.text.replacingOccurrences(of: from, with: to)
            changed += 1
        }
        XCTAssertGreaterThan(changed, 0, "the patch \(from) → \(to) changed no workflow", file: file, line: line)
        return copy
    }

    func firstEventId(naming type: String, in history: History) -> Int64? {
        history.events.first { event in
            switch event.attributes {
            case .activityTaskScheduled(let a): return a.activityType == type
            case .startChildWorkflowExecutionInitiated(let c): return c.workflowType == type
            default: return false
            }
        }?.eventId
    }

    func testPatchedCodeFailsNamingTheEventAndBothSides() throws {
        let names = try fixtureNames()
        for twin in Self.twins {
            guard names.contains(twin.fixture) else {
                XCTFail("fixture \(twin.fixture) is missing")
                continue
            }
            let (registry, history) = try load(twin.fixture)
            let eventId = try XCTUnwrap(firstEventId(naming: twin.recorded, in: history),
                                        "\(twin.fixture): no event for \(twin.recorded)")
            let report = HistoryReplayer(registry: patched(registry, twin.from, twin.to)).replay(history)
            let failure = report.failure ?? ""
            XCTAssertFalse(failure.isEmpty, "\(twin.fixture): the patched code replayed cleanly")
            XCTAssertTrue(failure.contains("event \(eventId) "), "\(twin.fixture): should name event \(eventId): \(failure)")
            XCTAssertTrue(failure.contains(twin.recorded), "\(twin.fixture): should name \(twin.recorded): \(failure)")
            XCTAssertTrue(failure.contains(twin.issued), "\(twin.fixture): should name \(twin.issued): \(failure)")
            XCTAssertTrue(failure.contains("non-deterministic"), "\(twin.fixture): \(failure)")
        }
    }

    /// The execution that recorded version 1 no longer replays when the
    /// code's range excludes 1: the failure names the change id.
    func testVersionOutsideTheRecordedRangeFailsNamingTheChange() throws {
        let (registry, history) = try load("versioned_v1_running")
        let narrowed = patched(registry, #""fast-shipping", workflow.DEFAULT_VERSION, 2"#, #""fast-shipping", 2, 2"#)
        let failure = HistoryReplayer(registry: narrowed).replay(history).failure ?? ""
        XCTAssertTrue(failure.contains("fast-shipping"), "should name the change id: \(failure)")
        // And with the recorded range it replays (sanity of the patch itself).
        XCTAssertNil(HistoryReplayer(registry: registry).replay(history).failure)
    }

    /// The counter has no activity to swap: an extra timer before the loop
    /// issues a command history does not have.
    func testCounterWithAnExtraTimerFails() throws {
        let (registry, history) = try load("counter")
        let patchedRegistry = patched(registry, #"time.after("12s")"#, #"time.after("12s"); time.sleep("1s")"#)
        let failure = HistoryReplayer(registry: patchedRegistry).replay(history).failure ?? ""
        XCTAssertTrue(failure.contains("non-deterministic"), failure)
        XCTAssertTrue(failure.contains("event "), failure)
        XCTAssertTrue(failure.lowercased().contains("timer"), failure)
    }
}
