import Client
import TemporalModel
import XCTest

/// The option parser shared by Lua (`process.with_options`) and the CLI.
final class StartOptionsTests: XCTestCase {
    func testEveryOptionWithAndWithoutPrefix() throws {
        let o = try StartOptions.parse(.object([
            "temporal.workflow.id": .string("order-1"),
            "workflow.task_queue": .string("q"),
            "execution_timeout": .string("1h30m"),
            "temporal.workflow.run_timeout": .int(1500),
            "temporal.workflow.task_timeout": .double(2500),
            "temporal.workflow.id_conflict_policy": .string("terminate-existing"),
            "temporal.workflow.id_reuse_policy": .string("REJECT_DUPLICATE"),
            "temporal.workflow.execution_error_when_already_started": .bool(true),
            "temporal.workflow.retry_policy": .object([
                "initial_interval": .string("1s"), "backoff_coefficient": .int(2), "maximum_interval": .string("1m"),
                "maximum_attempts": .int(5), "non_retryable_error_types": .array([.string("INVALID")]),
            ]),
            "temporal.workflow.cron_schedule": .string("@every 1m"),
            "temporal.workflow.memo": .object(["note": .string("x")]),
            "temporal.workflow.search_attributes": .object(["Tag": .string("a"), "Count": .int(3)]),
            "temporal.workflow.enable_eager_start": .bool(true),
            "temporal.workflow.start_delay": .string("5s"),
            "temporal.workflow.namespace": .string("other"),
            "temporal.workflow.parent_close_policy": .string("abandon"),
            "temporal.workflow.wait_for_cancellation": .bool(false),
        ]))
        XCTAssertEqual(o.id, "order-1")
        XCTAssertEqual(o.taskQueue, "q")
        XCTAssertEqual(o.executionTimeout, .seconds(5400))
        XCTAssertEqual(o.runTimeout, .milliseconds(1500))
        XCTAssertEqual(o.taskTimeout, .milliseconds(2500))
        XCTAssertEqual(o.idConflictPolicy, .terminateExisting)
        XCTAssertEqual(o.idReusePolicy, .rejectDuplicate)
        XCTAssertTrue(o.executionErrorWhenAlreadyStarted)
        XCTAssertEqual(o.retryPolicy, RetryPolicy(initialInterval: .seconds(1), backoffCoefficient: 2,
                                                  maximumInterval: .seconds(60), maximumAttempts: 5,
                                                  nonRetryableErrorTypes: ["INVALID"]))
        XCTAssertEqual(o.cronSchedule, "@every 1m")
        XCTAssertEqual(o.memo, ["note": .string("x")])
        XCTAssertEqual(o.searchAttributes, ["Tag": .string("a"), "Count": .int(3)])
        XCTAssertTrue(o.enableEagerStart)
        XCTAssertEqual(o.startDelay, .seconds(5))
        XCTAssertEqual(o.namespace, "other")
        XCTAssertEqual(o.parentClosePolicy, .abandon)
        XCTAssertEqual(o.waitForCancellation, false)
    }

    func testConflictPolicyDefaults() throws {
        XCTAssertEqual(StartOptions().effectiveConflictPolicy, .fail, "a generated id fails on conflict")
        XCTAssertEqual(StartOptions(id: "x").effectiveConflictPolicy, .useExisting, "an explicit id reuses")
        XCTAssertEqual(StartOptions(id: "x", idConflictPolicy: .fail).effectiveConflictPolicy, .fail)
    }

    func testRejectsUnknownKeysAndWrongTypes() {
        let cases: [(JSONValue, String)] = [
            (.object(["bogus": .int(1)]), "unknown workflow option 'bogus'"),
            (.object(["activity.start_to_close_timeout": .string("1s")]), "unknown workflow option"),
            (.object(["temporal.workflow.id": .int(3)]), "temporal.workflow.id must be a non-empty string, got number"),
            (.object(["temporal.workflow.id": .string("")]), "must be a non-empty string"),
            (.object(["execution_timeout": .bool(true)]), "execution_timeout must be a duration string"),
            (.object(["execution_timeout": .string("soon")]), "temporal.workflow.execution_timeout:"),
            (.object(["execution_timeout": .int(-5)]), "temporal.workflow.execution_timeout:"),
            (.object(["id_conflict_policy": .string("maybe")]), "unknown value 'maybe' (one of fail, use_existing, terminate_existing)"),
            (.object(["id_reuse_policy": .int(1)]), "id_reuse_policy must be one of"),
            (.object(["enable_eager_start": .string("yes")]), "enable_eager_start must be a boolean, got string"),
            (.object(["memo": .string("x")]), "memo must be a table"),
            (.object(["search_attributes": .object(["A": .object(["x": .int(1)])])]), "a search attribute must be"),
            (.object(["retry_policy": .object(["max": .int(1)])]), "unknown retry policy field 'max'"),
            (.object(["retry_policy": .object(["maximum_attempts": .string("3")])]), "maximum_attempts must be a non-negative integer"),
            (.object(["retry_policy": .object(["backoff_coefficient": .double(0.5)])]), "backoff_coefficient must be a number >= 1"),
            (.string("x"), "workflow options must be a table"),
        ]
        for (input, fragment) in cases {
            do {
                _ = try StartOptions.parse(input)
                XCTFail("accepted \(input)")
            } catch {
                XCTAssertEqual(error.kind, "INVALID", "\(input)")
                XCTAssertTrue(error.message.contains(fragment), "\(input): \(error.message) lacks \(fragment)")
            }
        }
    }

    func testKeyValueArguments() throws {
        let o = try StartOptions.parse(keyValues: [
            "execution_timeout=1m", "enable_eager_start=true", #"memo={"a":1}"#, "id_conflict_policy=fail",
            "temporal.workflow.id=a=b", "task_timeout=2000",
        ])
        XCTAssertEqual(o.executionTimeout, .seconds(60))
        XCTAssertTrue(o.enableEagerStart)
        XCTAssertEqual(o.memo, ["a": .int(1)])
        XCTAssertEqual(o.idConflictPolicy, .fail)
        XCTAssertEqual(o.id, "a=b")
        XCTAssertEqual(o.taskTimeout, .seconds(2))
        XCTAssertThrowsError(try StartOptions.parse(keyValues: ["novalue"])) { error in
            XCTAssertTrue("\(error)".contains("must look like key=value"), "\(error)")
        }
    }
}
