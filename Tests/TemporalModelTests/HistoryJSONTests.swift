import XCTest
@testable import TemporalModel

final class HistoryJSONTests: XCTestCase {
    private func values(_ payloads: [Payload]) throws -> [JSONValue] { try PayloadCodec.decode(payloads) }

    private func attributes(_ h: History, id: Int64) -> EventAttributes? {
        h.events.first { $0.eventId == id }?.attributes
    }

    // MARK: recorded fixtures

    func testDemoFixture() throws {
        let h = try HistoryJSON.decode(HistoryFixtures.demo)
        XCTAssertEqual(h.events.map(\.eventId), [1, 2, 3, 4])
        XCTAssertEqual(h.events.map(\.eventType), [EventType.workflowExecutionStarted, EventType.workflowTaskScheduled,
                                                   EventType.workflowExecutionSignaled,
                                                   EventType.workflowExecutionTerminated])
        XCTAssertEqual(h.events[0].eventTime, Timestamp(seconds: 1_795_310_205, nanos: 717_473_724))

        guard case .workflowExecutionStarted(let s)? = attributes(h, id: 1) else { return XCTFail() }
        XCTAssertEqual(s.workflowType, "Demo")
        XCTAssertEqual(s.taskQueue, "tq")
        XCTAssertEqual(s.workflowId, "demo-1")
        XCTAssertEqual(s.identity, "temporal-cli:root@vm")
        XCTAssertEqual(s.attempt, 1)
        XCTAssertEqual(s.workflowTaskTimeout, .seconds(10))
        XCTAssertEqual(s.workflowRunTimeout, .seconds(0))
        XCTAssertEqual(s.originalExecutionRunId, "01a200d3-bb15-7734-a47e-8fdfc9f55439")
        XCTAssertEqual(s.input.map(\.encoding), ["json/plain", "json/plain"])
        XCTAssertEqual(try values(s.input), [.object(["a": .int(1)]), .string("two")])
        XCTAssertNil(s.parentWorkflowExecution)

        guard case .workflowTaskScheduled(let q, let timeout, let attempt)? = attributes(h, id: 2) else { return XCTFail() }
        XCTAssertEqual(q, TaskQueue(name: "tq", kind: .normal))
        XCTAssertEqual(timeout, .seconds(10))
        XCTAssertEqual(attempt, 1)

        guard case .workflowExecutionSignaled(let name, let input, let identity, _)? = attributes(h, id: 3) else {
            return XCTFail()
        }
        XCTAssertEqual(name, "go")
        XCTAssertEqual(identity, "temporal-cli:root@vm")
        XCTAssertEqual(try values(input), [.object(["x": .array([.int(1), .double(2.5)])])])

        guard case .workflowExecutionTerminated(let reason, let details, _)? = attributes(h, id: 4) else {
            return XCTFail()
        }
        XCTAssertEqual(reason, "test done")
        XCTAssertEqual(details, [])
    }

    func testRichFixture() throws {
        let h = try HistoryJSON.decode(HistoryFixtures.rich)
        XCTAssertEqual(h.events.count, 26)
        XCTAssertEqual(h.events.map(\.eventId), Array(1...26))
        XCTAssertFalse(h.events.contains { $0.attributes == .other })
        XCTAssertEqual(h.events.filter { $0.eventType == EventType.workflowTaskCompleted }.count, 5)

        guard case .activityTaskScheduled(let greet)? = attributes(h, id: 5) else { return XCTFail() }
        XCTAssertEqual(greet.activityId, "1")
        XCTAssertEqual(greet.activityType, "greet")
        XCTAssertEqual(greet.taskQueue, "fx")
        XCTAssertEqual(greet.startToCloseTimeout, .seconds(10))
        XCTAssertEqual(greet.scheduleToCloseTimeout, .seconds(0))
        XCTAssertEqual(greet.retryPolicy, RetryPolicy(initialInterval: .seconds(1), backoffCoefficient: 2,
                                                      maximumInterval: .seconds(100)))
        XCTAssertEqual(try values(greet.input), [.string("world"), .int(7)])

        guard case .activityTaskStarted(let sched, let attempt)? = attributes(h, id: 6) else { return XCTFail() }
        XCTAssertEqual(sched, 5)
        XCTAssertEqual(attempt, 1)

        guard case .activityTaskCompleted(5, let result)? = attributes(h, id: 7) else { return XCTFail() }
        XCTAssertEqual(try values(result), [.object([
            "greeting": .string("hello world"), "n": .int(7), "pi": .double(2.5),
            "list": .array([.int(1), .double(2.0), .null, .bool(true)]), "ünï": .string("✓"),
        ])])

        guard case .timerStarted("1", let fire)? = attributes(h, id: 11) else { return XCTFail() }
        XCTAssertEqual(fire, .milliseconds(1500))
        XCTAssertEqual(attributes(h, id: 12), .timerFired(timerId: "1", startedEventId: 11))

        guard case .activityTaskScheduled(let explode)? = attributes(h, id: 16) else { return XCTFail() }
        XCTAssertEqual(explode.activityType, "explode")
        XCTAssertEqual(explode.retryPolicy?.maximumAttempts, 2)
        XCTAssertEqual(explode.retryPolicy?.initialInterval, .milliseconds(100))

        guard case .activityTaskFailed(16, let failure?, let retryState)? = attributes(h, id: 18) else {
            return XCTFail()
        }
        XCTAssertEqual(retryState, 2)  // RETRY_STATE_NON_RETRYABLE_FAILURE
        XCTAssertEqual(failure.message, "boom: bad input")
        XCTAssertTrue(failure.stackTrace.contains("in explode"))
        XCTAssertNil(failure.cause)
        guard case .application("BadInput", true, let details) = failure.info else { return XCTFail() }
        XCTAssertEqual(try values(details), [.object(["k": .int(1)])])

        guard case .workflowExecutionSignaled("poke", let input, _, _)? = attributes(h, id: 22) else { return XCTFail() }
        XCTAssertEqual(try values(input), [.object(["hi": .string("there")])])

        guard case .workflowExecutionCompleted(let out, "")? = attributes(h, id: 26) else { return XCTFail() }
        guard case .object(let top)? = try values(out).first else { return XCTFail() }
        XCTAssertEqual(top["err"], .string("Activity task failed / BadInput: boom: bad input"))
        XCTAssertEqual(top["sig"], .array([.object(["hi": .string("there")])]))
    }

    func testFailingFixture() throws {
        let h = try HistoryJSON.decode(HistoryFixtures.failing)
        XCTAssertEqual(h.events.count, 10)
        XCTAssertEqual(h.events.last?.eventType, EventType.workflowExecutionFailed)
        guard case .timerStarted("1", .milliseconds(10))? = attributes(h, id: 5) else { return XCTFail() }
        guard case .workflowExecutionFailed(let failure?, let retryState, "")? = attributes(h, id: 10) else {
            return XCTFail()
        }
        XCTAssertEqual(retryState, 5)  // RETRY_STATE_RETRY_POLICY_NOT_SET
        XCTAssertEqual(failure.message, "workflow gave up")
        XCTAssertEqual(failure.info, .application(type: "GiveUp", nonRetryable: true, details: []))
    }

    func testParentFixture() throws {
        let h = try HistoryJSON.decode(HistoryFixtures.parent)
        XCTAssertEqual(h.events.count, 32)
        XCTAssertFalse(h.events.contains { $0.attributes == .other })

        guard case .markerRecorded("core_patch", let details, nil)? = attributes(h, id: 5) else { return XCTFail() }
        XCTAssertEqual(Array(details.keys), ["patch-data"])
        XCTAssertEqual(try values(details["patch-data"] ?? []),
                       [.object(["id": .string("my-patch"), "deprecated": .bool(false)])])

        guard case .upsertWorkflowSearchAttributes(let sa)? = attributes(h, id: 6) else { return XCTFail() }
        XCTAssertEqual(sa["TemporalChangeVersion"]?.metadata["type"], Array("KeywordList".utf8))
        XCTAssertEqual(try PayloadCodec.decode(sa["TemporalChangeVersion"]!), .array([.string("my-patch")]))

        guard case .workflowPropertiesModified(let memo)? = attributes(h, id: 7) else { return XCTFail() }
        XCTAssertEqual(try PayloadCodec.decode(memo["note"]!), .string("hi"))

        guard case .startChildWorkflowExecutionInitiated(let kid)? = attributes(h, id: 8) else { return XCTFail() }
        XCTAssertEqual(kid.workflowId, "kid-ok")
        XCTAssertEqual(kid.workflowType, "Kid")
        XCTAssertEqual(kid.namespace, "default")
        XCTAssertEqual(kid.taskQueue, "fx2")
        XCTAssertEqual(try values(kid.input), [.int(21)])

        guard case .childWorkflowExecutionStarted(8, let exec, "Kid")? = attributes(h, id: 9) else { return XCTFail() }
        XCTAssertEqual(exec.workflowId, "kid-ok")
        XCTAssertFalse(exec.runId.isEmpty)

        guard case .childWorkflowExecutionCompleted(8, _, let result)? = attributes(h, id: 13) else { return XCTFail() }
        XCTAssertEqual(try values(result), [.int(42)])

        guard case .childWorkflowExecutionFailed(17, let badExec, let failure?, 5)? = attributes(h, id: 22) else {
            return XCTFail()
        }
        XCTAssertEqual(badExec.workflowId, "kid-bad")
        XCTAssertEqual(failure.message, "negative kid")
        XCTAssertEqual(failure.info, .application(type: "KidErr", nonRetryable: true, details: []))

        XCTAssertEqual(attributes(h, id: 31), .timerCanceled(timerId: "1", startedEventId: 26))
        guard case .workflowExecutionCompleted(let out, _)? = attributes(h, id: 32) else { return XCTFail() }
        XCTAssertEqual(try values(out), [.array([.string("patched"), .int(42), .string("KidErr: negative kid")])])
    }

    func testFixturesAsBytesAndAsValue() throws {
        let text = HistoryFixtures.rich
        let fromText = try HistoryJSON.decode(text)
        XCTAssertEqual(try HistoryJSON.decode(Array(text.utf8)), fromText)
        XCTAssertEqual(try HistoryJSON.decode(JSONValue.decode(text)), fromText)
    }

    // MARK: other spellings

    func testShortAndNumericEventTypesAndSnakeCase() throws {
        let json = #"""
        [
          {"eventId": 1, "eventType": "WorkflowExecutionStarted",
           "workflow_execution_started_event_attributes": {"workflow_type": {"name": "W"}, "task_queue": {"name": "q"},
             "input": [{"a": 1}, null]}},
          {"eventId": "2", "eventType": 17, "eventTime": "2024-01-02T03:04:05.5+01:00",
           "timerStartedEventAttributes": {"timerId": "t", "startToFireTimeout": "0.001s"}},
          {"eventId": "3", "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED",
           "workflowExecutionUpdateAcceptedEventAttributes": {}},
          {"eventId": "4", "eventType": "EVENT_TYPE_FROM_THE_FUTURE", "somethingNew": {}},
          {"eventId": "5", "eventType": 99},
          {"eventId": "6", "eventType": "EVENT_TYPE_WORKFLOW_TASK_FAILED",
           "workflowTaskFailedEventAttributes": {"scheduledEventId": "2", "cause": 24,
             "failure": {"message": "nd", "cause": {"message": "inner", "serverFailureInfo": {}}}}},
          {"eventId": "7", "eventType": "EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT",
           "activityTaskTimedOutEventAttributes": {"scheduledEventId": "5", "retryState": "RETRY_STATE_TIMEOUT",
             "failure": {"message": "Activity task timed out", "activityFailureInfo": {"scheduledEventId": "5",
               "activityType": {"name": "a"}, "activityId": "1", "retryState": "MAXIMUM_ATTEMPTS_REACHED"},
               "cause": {"message": "timeout", "source": "Server",
                 "timeoutFailureInfo": {"timeoutType": "TIMEOUT_TYPE_START_TO_CLOSE"}}}}}
        ]
        """#
        let h = try HistoryJSON.decode(json)
        XCTAssertEqual(h.events.map(\.eventType), [1, 17, 41, 0, 99, 9, 14])
        guard case .workflowExecutionStarted(let s) = h.events[0].attributes else { return XCTFail() }
        XCTAssertEqual(s.workflowType, "W")
        XCTAssertEqual(s.taskQueue, "q")
        XCTAssertEqual(s.input.map(\.encoding), ["json/plain", "binary/null"])  // shorthand payloads
        XCTAssertEqual(try values(s.input), [.object(["a": .int(1)]), .null])
        XCTAssertEqual(h.events[1].eventTime, Timestamp(seconds: 1_704_161_045, nanos: 500_000_000))
        XCTAssertEqual(h.events[1].attributes, .timerStarted(timerId: "t", startToFireTimeout: .milliseconds(1)))
        XCTAssertEqual(h.events[2].attributes, .workflowExecutionUpdateAccepted(
            protocolInstanceId: "", requestMessageId: "", sequencingEventId: 0, request: nil))
        XCTAssertEqual(h.events[3].attributes, .other)
        XCTAssertEqual(h.events[4].attributes, .other)
        guard case .workflowTaskFailed(2, 0, 24, let f?) = h.events[5].attributes else { return XCTFail() }
        XCTAssertEqual(f.cause?.message, "inner")
        XCTAssertEqual(f.cause?.info, .server(nonRetryable: false))
        guard case .activityTaskTimedOut(5, let t?, 3) = h.events[6].attributes else { return XCTFail() }
        XCTAssertEqual(t.info, .activity(scheduledEventId: 5, startedEventId: 0, activityType: "a", activityId: "1",
                                         retryState: 4))
        XCTAssertEqual(t.cause?.info, .timeout(type: .startToClose, lastHeartbeatDetails: []))
        XCTAssertEqual(t.cause?.source, "Server")
    }

    func testEmptyHistory() throws {
        XCTAssertEqual(try HistoryJSON.decode("{}"), History())
        XCTAssertEqual(try HistoryJSON.decode(#"{"events": []}"#), History())
    }

    // MARK: errors

    private func historyError(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> HistoryJSONError? {
        do {
            _ = try HistoryJSON.decode(json)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testErrorsNameEventAndField() {
        let e1 = historyError(#"""
        {"events": [{"eventId": "1", "eventType": "TimerFired", "timerFiredEventAttributes": {"timerId": "1"}},
          {"eventId": "2", "eventType": "TimerStarted", "timerStartedEventAttributes": {"startToFireTimeout": "10"}}]}
        """#)
        XCTAssertEqual(e1?.eventIndex, 1)
        XCTAssertEqual(e1?.eventId, 2)
        XCTAssertEqual(e1?.field, "timerStartedEventAttributes.startToFireTimeout")
        XCTAssertEqual(e1?.description,
                       #"history JSON, event 1 (eventId 2), field timerStartedEventAttributes.startToFireTimeout: expected a duration like "1.5s", found string "10""#)

        let e2 = historyError(#"""
        {"events": [{"eventId": "7", "eventType": "EVENT_TYPE_ACTIVITY_TASK_FAILED",
          "activityTaskFailedEventAttributes": {"failure": {"applicationFailureInfo": {"details": {"payloads": [
            {"metadata": {"encoding": "anNvbi9wbGFpbg=="}, "data": "!!"}]}}}}}]}
        """#)
        XCTAssertEqual(e2?.eventId, 7)
        XCTAssertEqual(e2?.field,
                       "activityTaskFailedEventAttributes.failure.applicationFailureInfo.details.payloads[0].data")

        let e3 = historyError(#"{"events": [{"eventId": "3", "eventType": "EVENT_TYPE_TIMER_FIRED"}]}"#)
        XCTAssertEqual(e3?.field, "timerFiredEventAttributes")
        XCTAssertEqual(e3?.eventIndex, 0)

        let e4 = historyError(#"{"events": [{"eventId": "x1", "eventType": 1}]}"#)
        XCTAssertEqual(e4?.field, "eventId")
        XCTAssertNil(e4?.eventId)

        let e5 = historyError(#"{"events": [{"eventId": "4", "eventType": "EVENT_TYPE_TIMER_FIRED", "#
                              + #""eventTime": "yesterday", "timerFiredEventAttributes": {}}]}"#)
        XCTAssertEqual(e5?.field, "eventTime")
        XCTAssertEqual(e5?.eventId, 4)

        let e6 = historyError(#"{"events": [{"eventId": "5", "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_FAILED", "#
                              + #""workflowExecutionFailedEventAttributes": {"retryState": "RETRY_STATE_BOGUS"}}]}"#)
        XCTAssertEqual(e6?.field, "workflowExecutionFailedEventAttributes.retryState")

        let e7 = historyError(#"{"events": [1]}"#)
        XCTAssertEqual(e7?.eventIndex, 0)

        let e8 = historyError(#"{"events": [}"#)
        XCTAssertEqual(e8?.json?.offset, 12)
        XCTAssertNil(e8?.eventIndex)

        XCTAssertNotNil(historyError(#"{"events": {}}"#))
        XCTAssertNotNil(historyError("42"))
    }

    // MARK: event by event

    /// Text is converted event by event; every document shape gives what
    /// converting the fully parsed value gives.
    func testStreamedShapesMatchTheParsedValue() throws {
        let e1 = #"{"eventId": "1", "eventType": "TimerFired", "timerFiredEventAttributes": {"timerId": "a"}}"#
        let e2 = #"{"eventId": "2", "eventType": "TimerFired", "timerFiredEventAttributes": {"timerId": "b"}}"#
        let documents = [
            "[\(e1), \(e2)]",
            "[]",
            #"{"events": [\#(e1), \#(e2)]}"#,
            #"{"nextPageToken": "x", "events": [\#(e1)], "other": {"events": [\#(e2)]}}"#,
            #"{"events": [\#(e1)], "events": [\#(e2)]}"#,   // a repeated member: the last one wins
            #"{"events": [\#(e1)], "events": null}"#,
            #"{"events": null}"#,
            #" { "events" : [ \#(e1) ] } "#,
        ]
        for text in documents {
            let streamed = try HistoryJSON.decode(text)
            let parsed = try HistoryJSON.decode(JSONValue.decode(text))
            XCTAssertEqual(streamed, parsed, text)
        }
        XCTAssertEqual(try HistoryJSON.decode(documents[3]).events.map(\.eventId), [1])
        XCTAssertEqual(try HistoryJSON.decode(documents[4]).events.map(\.eventId), [2])
        XCTAssertEqual(try HistoryJSON.decode(documents[5]).events, [])

        // Not a history, and broken text, are reported as before.
        XCTAssertEqual(historyError(#"{"events": 5}"#)?.field, "events")
        XCTAssertEqual(historyError(#"{"events": [\#(e1)], "events": "x"}"#)?.field, "events")
        XCTAssertEqual(historyError(#""events""#)?.message, #"expected an object with "events", found string "events""#)
        XCTAssertNotNil(historyError("[\(e1)] x")?.json)
        XCTAssertNotNil(historyError(#"{"events": [\#(e1)] "#)?.json)
        // As for the parsed document: broken text is reported before a bad
        // event, and a bad event counts only in the `events` that wins.
        let bad = #"{"eventId": "3", "eventType": "TimerFired", "timerFiredEventAttributes": 7}"#
        XCTAssertEqual(historyError("[\(e1), \(bad), \(e2)]")?.eventIndex, 1)
        XCTAssertNotNil(historyError("[\(e1), \(bad), !!!")?.json)
        XCTAssertEqual(try HistoryJSON.decode(#"{"events": [\#(bad)], "events": [\#(e2)]}"#).events.map(\.eventId), [2])
        XCTAssertEqual(historyError(#"{"events": [\#(bad)], "events": 5}"#)?.field, "events")
        XCTAssertEqual(historyError(#"{"events": [\#(e1)], "events": [\#(bad)]}"#)?.eventIndex, 0)

        // snake_case in a nested message of a camelCase event still reads.
        let mixed = #"[{"eventId": "1", "eventType": "WorkflowExecutionStarted", "#
            + #""workflowExecutionStartedEventAttributes": {"workflowType": {"name": "w"}, "task_queue": {"name": "q"}}}, "#
            + #"{"eventId": "2", "eventType": "TimerStarted", "timerStartedEventAttributes": {"timer_id": "a"}}]"#
        let h = try HistoryJSON.decode(mixed)
        guard case .workflowExecutionStarted(let started) = h.events[0].attributes else { return XCTFail() }
        XCTAssertEqual(started.taskQueue, "q")
        guard case .timerStarted(let timerId, _) = h.events[1].attributes else { return XCTFail() }
        XCTAssertEqual(timerId, "a")
    }
}
