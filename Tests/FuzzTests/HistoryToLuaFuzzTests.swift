import Foundation
import XCTest
import Registry
import Replay
import TemporalModel
import TestSupport
import WorkflowRuntime

/// Random well-formed-but-odd histories (events out of the expected order,
/// results for activities never scheduled, timers fired twice, payloads of
/// random bytes, ...) fed to `WorkflowPool.run` with a small Lua workflow,
/// and mutated recorded histories replayed against their own code: no trap,
/// and every rejection is a failed task with a message.
final class HistoryToLuaFuzzTests: XCTestCase {
    static let workflow = """
        local funcs = require("funcs")
        local time = require("time")
        local json = require("json")
        return function(input, extra)
          local r, err = funcs.call("fz:act", input)
          if err then return nil, err end
          time.sleep("1s")
          local sig = process.listen("go"):receive()
          local f = funcs.async("fz:act", sig)
          local r2, err2 = f:result()
          local t = type(r) == "table" and #r or 0
          return {r = r, r2 = r2, err2 = err2 and err2:message(), sig = sig, n = t,
                  text = json.encode({input = input, extra = extra})}
        end
        """

    func pool() -> WorkflowPool {
        let entry = WorkflowEntry(id: "fz:wf", namespace: "fz", name: "wf",
                                  source: LuaSource(text: Self.workflow, chunkName: "wf.lua", path: "wf.lua"),
                                  modules: ["funcs", "time", "json"], workerId: "fz:worker")
        let registry = Registry(workers: [WorkerEntry(id: "fz:worker", clientId: "fz:client", taskQueue: "tq")],
                                workflows: [entry])
        return WorkflowPool(registry: registry, workerId: "fz:worker", namespace: "default", threads: 1,
                            maxCachedWorkflows: 4)
    }

    func testRandomHistoriesThroughWorkflowPool() async {
        var r = Fuzz.rng("testRandomHistoriesThroughWorkflowPool")
        let pool = pool()
        var completed = 0, failed = 0, missed = 0
        var kinds: [String: Int] = [:]
        for i in 0..<(1500 * Fuzz.scale) {
            let history = r.chance(0.5) ? HistoryFuzz.plausibleHistory(&r)
                : HistoryFuzz.randomHistory(&r, workflowType: "fz:wf")
            let runId = "run-\(i % 7)"    // some runs hit the cache with unrelated histories
            let lastStarted = history.events.last { $0.eventType == EventType.workflowTaskStarted }?.eventId ?? 0
            var events = history.events
            if r.chance(0.15), events.count > 3 {   // a sticky-style partial history
                events = Array(events.suffix(r.int(1...events.count - 1)))
            }
            let task = WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-\(i)", runId: runId),
                                    workflowType: "fz:wf",
                                    previousStartedEventId: r.chance(0.7) ? 0 : Int64(r.int(0...Int(lastStarted + 2))),
                                    startedEventId: lastStarted)
            Fuzz.trace("testRandomHistoriesThroughWorkflowPool", i, HistoryFuzz.describe(events))
            switch await pool.run(task, events: events) {
            case .completed:
                completed += 1
            case .failed(_, let failure):
                failed += 1
                kinds[String(failure.message.prefix(70)), default: 0] += 1
                XCTAssertFalse(failure.message.isEmpty,
                               "seed \(Fuzz.seed) case \(i): a failed task without a message\n\(HistoryFuzz.describe(events))")
            case .needsFullHistory:
                missed += 1
                XCTAssertNotEqual(events.first?.eventId, 1, "seed \(Fuzz.seed) case \(i): full history answered needsFullHistory")
            }
        }
        print("FuzzTests.testRandomHistoriesThroughWorkflowPool: \(completed) completed, \(failed) failed, \(missed) cache misses")
        if Fuzz.verbose || Fuzz.environment["MOONFLOW_FUZZ_STATS"] == "1" {
            for (k, n) in kinds.sorted(by: { $0.value > $1.value }).prefix(25) { print("  \(n) × \(k)") }
        }
        XCTAssertGreaterThan(completed, 0, "no random history ran to a completed task: the generator is broken")
        XCTAssertGreaterThan(failed, 0)
    }

    /// The recorded fixtures with events dropped, duplicated, swapped, or
    /// their payloads replaced by random ones, replayed against the code
    /// that recorded them (`HistoryReplayer`, the `moonflow replay` path).
    func testMutatedRecordedHistoriesReplay() throws {
        var r = Fuzz.rng("testMutatedRecordedHistoriesReplay")
        let names = try FileManager.default.contentsOfDirectory(atPath: DecoderFuzzTests.fixtures.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        var fixtures: [(String, HistoryReplayer, History)] = []
        for name in names {
            let dir = DecoderFuzzTests.fixtures.appendingPathComponent(name).appendingPathComponent("registry").path
            let registry = try RegistryLoader.load(directory: dir, environment: [:])
            let data = try Data(contentsOf: DecoderFuzzTests.fixtures.appendingPathComponent("\(name).json"))
            fixtures.append((name, HistoryReplayer(registry: registry), try HistoryJSON.decode([UInt8](data))))
        }
        XCTAssertFalse(fixtures.isEmpty)
        var ok = 0, rejected = 0
        for i in 0..<(600 * Fuzz.scale) {
            let (name, replayer, history) = r.pick(fixtures)
            let events = HistoryFuzz.mutateEvents(history.events, &r)
            Fuzz.trace("testMutatedRecordedHistoriesReplay", i, "\(name): \(HistoryFuzz.describe(events))")
            let report = replayer.replay(History(events: events))
            if let failure = report.failure {
                rejected += 1
                XCTAssertFalse(failure.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                               "seed \(Fuzz.seed) case \(i) (\(name)): empty failure")
            } else {
                ok += 1
            }
        }
        print("FuzzTests.testMutatedRecordedHistoriesReplay: \(ok) replayed, \(rejected) rejected")
        XCTAssertGreaterThan(rejected, 0)
    }
}

/// Random histories built with `HistoryBuilder`, and event-level mutations.
enum HistoryFuzz {
    /// The history `HistoryToLuaFuzzTests.workflow` writes, with random
    /// payloads (input, activity results, signal data; mostly valid JSON,
    /// some broken), cut at a random workflow task, sometimes with one
    /// odd event inserted.
    static func plausibleHistory(_ r: inout SplitMix64) -> History {
        func p(_ r: inout SplitMix64) -> Payload {
            r.chance(0.8) ? ((try? PayloadCodec.encode(Gen.json(&r))) ?? Gen.payload(&r)) : Gen.payload(&r)
        }
        var b = HistoryBuilder(workflowType: "fz:wf", taskQueue: "tq")
        b.started(input: (0..<r.int(0...3)).map { _ in p(&r) })
        var cuts: [Int] = []
        var started = b.workflowTask()
        cuts.append(b.events.count)
        b.workflowTaskCompleted(started: started)
        let first = b.activityScheduled(id: "1", type: "fz:act")
        if r.chance(0.85) {
            b.activityCompleted(scheduled: first, result: (0..<r.int(0...2)).map { _ in p(&r) })
        } else {
            b.activityFailed(scheduled: first, failure: Failure(message: Gen.string(&r)))
        }
        started = b.workflowTask()
        cuts.append(b.events.count)
        b.workflowTaskCompleted(started: started)
        let timer = b.timerStarted(id: "1", seconds: 1)
        let signalFirst = r.chance(0.5)
        if signalFirst { b.signaled(name: "go", input: (0..<r.int(0...2)).map { _ in p(&r) }) }
        b.timerFired(id: "1", started: timer)
        if !signalFirst { b.signaled(name: "go", input: (0..<r.int(0...2)).map { _ in p(&r) }) }
        started = b.workflowTask()
        cuts.append(b.events.count)
        b.workflowTaskCompleted(started: started)
        let second = b.activityScheduled(id: "2", type: "fz:act")
        b.activityCompleted(scheduled: second, result: (0..<r.int(0...2)).map { _ in p(&r) })
        b.workflowTask()
        cuts.append(b.events.count)
        var events = Array(b.events.prefix(r.pick(cuts)))
        if r.chance(0.2) {
            let odd = randomHistory(&r, workflowType: "fz:wf").events.dropFirst().prefix(2)
            events.insert(contentsOf: odd, at: r.int(1...events.count - 1))
            for i in events.indices { events[i].eventId = Int64(i + 1) }
        }
        return History(events: events)
    }

    static func randomHistory(_ r: inout SplitMix64, workflowType: String = "test:wf") -> History {
        var b = HistoryBuilder(workflowType: workflowType, taskQueue: "tq")
        if !r.chance(0.03) {
            b.started(input: (0..<r.int(0...2)).map { _ in Gen.payload(&r) })
        }
        var scheduled: [Int64] = []
        var timers: [(String, Int64)] = []
        var started: Int64 = 0
        for _ in 0..<r.int(1...14) {
            switch r.int(0...15) {
            case 0, 1, 2:
                started = b.workflowTask()
            case 3, 4:
                b.workflowTaskCompleted(started: started == 0 ? Int64(r.int(0...9)) : started)
            case 5:
                b.workflowTaskFailed(started: started)
            case 6:
                scheduled.append(b.activityScheduled(id: String(r.int(1...4)), type: r.pick(["fz:act", "other", ""])))
            case 7, 8:
                let id = scheduled.isEmpty || r.chance(0.2) ? Int64(r.int(0...30)) : r.pick(scheduled)
                b.activityCompleted(scheduled: id, result: (0..<r.int(0...2)).map { _ in Gen.payload(&r) })
            case 9:
                let id = scheduled.isEmpty ? Int64(r.int(0...30)) : r.pick(scheduled)
                var failure = Failure(message: Gen.string(&r))
                if r.chance(0.5) { failure.cause = Failure(message: Gen.string(&r)) }
                b.activityFailed(scheduled: id, failure: failure)
            case 10:
                let id = String(r.int(1...3))
                timers.append((id, b.timerStarted(id: id, seconds: Int64(r.int(0...5)))))
            case 11:
                let t = timers.isEmpty || r.chance(0.2) ? (String(r.int(1...3)), Int64(r.int(0...30))) : r.pick(timers)
                b.timerFired(id: t.0, started: t.1)
            case 12:
                b.signaled(name: r.pick(["go", "other", ""]), input: (0..<r.int(0...2)).map { _ in Gen.payload(&r) })
            case 13:
                b.marker(name: r.pick(["SideEffect", "Version", "MutableSideEffect", "LocalActivity", "x"]),
                         details: [r.pick(["data", "result", "change-id", "version"]): [Gen.payload(&r)]])
            case 14:
                if r.chance(0.5) { b.cancelRequested(reason: Gen.string(&r)) } else {
                    b.upsertSearchAttributes(["k": Gen.payload(&r)])
                }
            default:
                switch r.int(0...2) {
                case 0: b.completed(result: [Gen.payload(&r)])
                case 1: b.failed(message: Gen.string(&r))
                default: if let id = scheduled.last { b.activityCancelRequested(scheduled: id) }
                }
            }
        }
        if r.chance(0.8) { b.workflowTask() }       // most tasks end at a WorkflowTaskStarted
        return History(events: b.events)
    }

    static func mutateEvents(_ input: [HistoryEvent], _ r: inout SplitMix64) -> [HistoryEvent] {
        var events = input
        for _ in 0..<r.int(1...3) {
            guard !events.isEmpty else { break }
            let i = r.int(0...events.count - 1)
            switch r.int(0...6) {
            case 0: events.remove(at: i)
            case 1: events.insert(events[i], at: r.int(0...events.count))
            case 2: events.swapAt(i, r.int(0...events.count - 1))
            case 3: events = Array(events.prefix(i + 1))
            case 4: events[i].eventId = Int64(r.int(-1...events.count + 3))
            case 5: events[i].eventType = Int32(r.int(0...50))
            default: events[i].attributes = replacingPayloads(events[i].attributes, &r)
            }
        }
        return events
    }

    /// The attributes with every payload list replaced by random payloads
    /// (only the cases that carry payloads; others are returned unchanged).
    static func replacingPayloads(_ attributes: EventAttributes, _ r: inout SplitMix64) -> EventAttributes {
        func p(_ r: inout SplitMix64) -> [Payload] { (0..<r.int(0...2)).map { _ in Gen.payload(&r) } }
        switch attributes {
        case .workflowExecutionStarted(var s):
            s.input = p(&r)
            return .workflowExecutionStarted(s)
        case .activityTaskCompleted(let scheduled, _):
            return .activityTaskCompleted(scheduledEventId: scheduled, result: p(&r))
        case .workflowExecutionSignaled(let name, _, let identity, let header):
            return .workflowExecutionSignaled(signalName: name, input: p(&r), identity: identity, header: header)
        case .markerRecorded(let name, let details, let failure):
            return .markerRecorded(markerName: name, details: details.mapValues { _ in p(&r) }, failure: failure)
        default:
            return attributes
        }
    }

    static func describe(_ events: [HistoryEvent]) -> String {
        events.map { "\($0.eventId):\($0.eventType)" }.joined(separator: " ")
    }
}
