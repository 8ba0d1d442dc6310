import Observability
import XCTest

/// The Prometheus text the registry exports for what workers record.
final class ExporterTests: XCTestCase {
    private func render(_ metrics: MoonflowMetrics) async -> String {
        String(decoding: await metrics.render(), as: UTF8.self)
    }

    func testCountersCarryNamespaceQueueAndTypeLabels() async {
        let metrics = MoonflowMetrics()
        let worker = WorkerMetrics(metrics: metrics, namespace: "default", taskQueue: "orders")
        worker.workflowClosed(.completed, workflowType: "OrderWorkflow")
        worker.workflowClosed(.completed, workflowType: "OrderWorkflow")
        worker.workflowTaskFailed(workflowType: "OrderWorkflow", nonDeterminism: true)
        worker.stickyCache(hit: false, workflowType: "OrderWorkflow")
        let text = await render(metrics)
        XCTAssertTrue(text.contains("# TYPE temporal_workflow_completed counter\n"), text)
        XCTAssertTrue(text.contains("# HELP temporal_workflow_completed Workflow executions this worker completed.\n"), text)
        XCTAssertTrue(text.contains(
            #"temporal_workflow_completed{namespace="default",task_queue="orders",workflow_type="OrderWorkflow"} 2"#), text)
        XCTAssertTrue(text.contains(#"temporal_workflow_task_execution_failed{namespace="default",task_queue="orders","#
            + #"workflow_type="OrderWorkflow",failure_reason="NonDeterminismError"} 1"#), text)
        XCTAssertTrue(text.contains(
            #"temporal_sticky_cache_miss{namespace="default",task_queue="orders",workflow_type="OrderWorkflow"} 1"#), text)
    }

    func testHistogramsAreInSecondsWithCumulativeBuckets() async {
        let metrics = MoonflowMetrics()
        let worker = WorkerMetrics(metrics: metrics, namespace: "ns", taskQueue: "q")
        worker.activityExecuted(.milliseconds(30), activityType: "shop:charge", outcome: .completed,
                                endToEnd: .seconds(2))
        worker.activityExecuted(.seconds(3), activityType: "shop:charge", outcome: .failed)
        let text = await render(metrics)
        let labels = #"namespace="ns",task_queue="q",activity_type="shop:charge""#
        XCTAssertTrue(text.contains("# TYPE temporal_activity_execution_latency histogram\n"), text)
        // 30 ms is above the 0.01 s bucket and inside 0.05 s; 3 s inside 5 s.
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_bucket{\(labels),le=\"0.01\"} 0\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_bucket{\(labels),le=\"0.05\"} 1\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_bucket{\(labels),le=\"5.0\"} 2\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_bucket{\(labels),le=\"+Inf\"} 2\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_count{\(labels)} 2\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_latency_sum{\(labels)} 3.03\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_execution_failed{\(labels)} 1\n"), text)
        XCTAssertTrue(text.contains("temporal_activity_succeed_endtoend_latency_count{\(labels)} 1\n"), text)
    }

    func testRequestsSplitIntoShortAndLongWithStatusCodeOnFailures() async {
        let metrics = MoonflowMetrics()
        let worker = WorkerMetrics(metrics: metrics, namespace: "ns", taskQueue: "q")
        worker.request(operation: "PollWorkflowTaskQueue", long: true, latency: .seconds(1), failureCode: "UNAVAILABLE")
        worker.request(operation: "RespondWorkflowTaskCompleted", long: false, latency: .milliseconds(2), failureCode: nil)
        let text = await render(metrics)
        XCTAssertTrue(text.contains(#"temporal_long_request{namespace="ns",task_queue="q",operation="PollWorkflowTaskQueue"} 1"#), text)
        XCTAssertTrue(text.contains(#"temporal_long_request_failure{namespace="ns",task_queue="q",operation="PollWorkflowTaskQueue",status_code="UNAVAILABLE"} 1"#), text)
        XCTAssertTrue(text.contains(#"temporal_request{namespace="ns",task_queue="q",operation="RespondWorkflowTaskCompleted"} 1"#), text)
        XCTAssertTrue(text.contains(#"temporal_request_latency_count{namespace="ns",task_queue="q",operation="RespondWorkflowTaskCompleted"} 1"#), text)
        XCTAssertFalse(text.contains("temporal_request_failure{"), text)
    }

    func testCollectorsSetGaugesBeforeEachRender() async {
        let metrics = MoonflowMetrics()
        let worker = WorkerMetrics(metrics: metrics, namespace: "ns", taskQueue: "q")
        let size = SizeBox()
        metrics.addCollector {
            worker.stickyCacheSize(size.next())
            worker.slots(.workflow, used: 3, total: 8)
        }
        var text = await render(metrics)
        XCTAssertTrue(text.contains(#"temporal_sticky_cache_size{namespace="ns",task_queue="q"} 1.0"#), text)
        XCTAssertTrue(text.contains(#"temporal_worker_task_slots_available{namespace="ns",task_queue="q",worker_type="WorkflowWorker"} 5.0"#), text)
        XCTAssertTrue(text.contains(#"temporal_worker_task_slots_used{namespace="ns",task_queue="q",worker_type="WorkflowWorker"} 3.0"#), text)
        text = await render(metrics)
        XCTAssertTrue(text.contains(#"temporal_sticky_cache_size{namespace="ns",task_queue="q"} 2.0"#), text)
    }

    func testLabelValuesAreEscaped() async {
        let metrics = MoonflowMetrics()
        WorkerMetrics(metrics: metrics, namespace: "ns", taskQueue: "q")
            .workflowClosed(.failed, workflowType: "a\"b\\c\nd")
        let text = await render(metrics)
        XCTAssertTrue(text.contains(#"workflow_type="a\"b\\c\nd"} 1"#), text)
    }

    func testDisabledRecordsNothingAndCatalogIsWellFormed() async {
        WorkerMetrics.disabled.workflowClosed(.completed, workflowType: "W")
        XCTAssertFalse(WorkerMetrics.disabled.isEnabled)
        let names = MetricCatalog.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "duplicate metric names")
        for definition in MetricCatalog.all {
            XCTAssertTrue(definition.name.hasPrefix("temporal_"), definition.name)
            XCTAssertNotNil(definition.name.range(of: "^[a-z_]+$", options: .regularExpression), definition.name)
            XCTAssertEqual(definition.kind == .histogram, !definition.buckets.isEmpty, definition.name)
            XCTAssertEqual(definition.buckets, definition.buckets.sorted(), definition.name)
        }
    }
}

/// A counter the collector closure can bump (Sendable).
private final class SizeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
