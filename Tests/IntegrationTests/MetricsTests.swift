import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `moonflow run` with `MOONFLOW_METRICS_ADDRESS` against the dev server:
/// `/healthz` turns 200 once the worker reached the server, and after a
/// workflow whose activity fails once and then succeeds, `/metrics` shows
/// the workflow, activity, sticky cache and request series for its queue.
final class MetricsTests: IntegrationTestCase {
    func testDaemonExportsWorkflowAndActivityMetricsAndHealth() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("metrics")
        let registry = try makeRegistry("metrics")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: metrics_workflow
                kind: workflow.lua
                source: file://wf.lua
                modules: [funcs]
                meta: {temporal: {workflow: {worker: worker, name: MetricsWorkflow}}}
              - name: flaky
                kind: function.lua
                source: file://flaky.lua
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("wf.lua", """
            local funcs = require("funcs")
            return function(x)
              return funcs.new():with_options({
                ["activity.retry_policy"] = {maximum_attempts = 3, initial_interval = "100ms"},
              }):call("it:flaky", x)
            end
            """)
        try registry.write("flaky.lua", """
            return function(x)
              if activity.info().attempt == 1 then error("first attempt fails") end
              return {got = x, attempt = activity.info().attempt}
            end
            """)

        let daemon = try await startDaemon(registry, label: "metrics",
                                           environment: ["MOONFLOW_METRICS_ADDRESS": "127.0.0.1:0"])
        let port = try await eventually("the metrics address in the log", timeout: .seconds(10),
                                        message: { daemon.describe() }) { () -> UInt16? in
            try daemon.ensureAlive()
            return Self.listeningPort(in: daemon.log())
        }

        // Healthy once the worker has reached the server (before any task).
        var lastHealth = ""
        _ = try await eventually("/healthz to answer 200", timeout: .seconds(20),
                                 message: { "last: \(lastHealth)\n\(daemon.describe())" }) { () -> Bool? in
            let (status, body) = try Scrape.get(port: port, "/healthz")
            lastHealth = "\(status) \(body)"
            return status == 200 ? true : nil
        }
        let health = try JSONSerialization.jsonObject(with: Data(lastHealth.drop { $0 != "{" }.utf8)) as? [String: Any]
        XCTAssertEqual(health?["status"] as? String, "ok", lastHealth)
        let workers = health?["workers"] as? [[String: Any]] ?? []
        XCTAssertEqual(workers.map { $0["worker"] as? String }, ["it:worker"], lastHealth)
        XCTAssertEqual(workers.first?["task_queue"] as? String, queue, lastHealth)

        let id = unique("metrics-wf")
        try await cli.start(type: "MetricsWorkflow", queue: queue, id: id, input: #""m""#)
        let done = try await cli.waitForClose(id, timeout: .seconds(60), context: { daemon.describe() })
        XCTAssertEqual(done.closeEvent?.type, "WorkflowExecutionCompleted", done.summary + "\n" + daemon.describe())
        XCTAssertEqual(done.closeEvent?.firstResultPayload, #"{"attempt":2,"got":"m"}"#)

        let base = #"namespace="default",task_queue="\#(queue)""#
        let workflow = base + #",workflow_type="MetricsWorkflow""#
        let flaky = base + #",activity_type="it:flaky""#
        var text = ""
        // The completion is recorded right after the response to the
        // server, so poll briefly rather than racing it.
        _ = try await eventually("the completed workflow in /metrics", timeout: .seconds(10),
                                 message: { "last scrape:\n\(text)\n\(daemon.describe())" }) { () -> Bool? in
            let (status, body) = try Scrape.get(port: port, "/metrics")
            text = body
            return status == 200 && Scrape.value(body, "temporal_workflow_completed{\(workflow)}") == 1 ? true : nil
        }
        func value(_ series: String) -> Double? { Scrape.value(text, series) }
        let context = "\n/metrics:\n\(text)\n\(daemon.describe())"

        // Activities: two attempts ran here, the first failed.
        XCTAssertEqual(value("temporal_activity_execution_failed{\(flaky)}"), 1, context)
        XCTAssertEqual(value("temporal_activity_execution_latency_count{\(flaky)}"), 2, context)
        XCTAssertEqual(value("temporal_activity_succeed_endtoend_latency_count{\(flaky)}"), 1, context)
        XCTAssertEqual(value("temporal_activity_schedule_to_start_latency_count{\(flaky)}"), 1, "first attempt only" + context)
        // Workflow tasks: the start, the activity's result; each measured.
        XCTAssertGreaterThanOrEqual(value("temporal_workflow_task_execution_latency_count{\(workflow)}") ?? 0, 2, context)
        XCTAssertGreaterThanOrEqual(value("temporal_workflow_task_schedule_to_start_latency_count{\(workflow)}") ?? 0, 2, context)
        XCTAssertNil(value("temporal_workflow_task_execution_failed{\(workflow),failure_reason=\"WorkflowError\"}"), context)
        // The second workflow task came on the sticky queue to the cached run.
        XCTAssertGreaterThanOrEqual(value("temporal_sticky_cache_hit{\(workflow)}") ?? 0, 1, context)
        XCTAssertNotNil(value("temporal_sticky_cache_size{\(base)}"), context)
        // Workers, slots and requests.
        XCTAssertEqual(value("temporal_worker_start{\(base),worker_type=\"WorkflowWorker\"}"), 1, context)
        XCTAssertEqual(value("temporal_worker_start{\(base),worker_type=\"ActivityWorker\"}"), 1, context)
        XCTAssertGreaterThanOrEqual(value("temporal_poller_start{\(base),poller_type=\"sticky_workflow_task\"}") ?? 0, 1, context)
        XCTAssertNotNil(value("temporal_worker_task_slots_available{\(base),worker_type=\"ActivityWorker\"}"), context)
        XCTAssertGreaterThanOrEqual(value("temporal_workflow_task_queue_poll_succeed{\(base)}") ?? 0, 2, context)
        XCTAssertGreaterThanOrEqual(value("temporal_long_request{\(base),operation=\"PollWorkflowTaskQueue\"}") ?? 0, 2, context)
        XCTAssertGreaterThanOrEqual(value("temporal_request{\(base),operation=\"RespondWorkflowTaskCompleted\"}") ?? 0, 2, context)
        XCTAssertEqual(value("temporal_request{\(base),operation=\"RespondActivityTaskFailed\"}"), 1, context)
        XCTAssertEqual(value("temporal_request{\(base),operation=\"DescribeNamespace\"}"), 1, context)
        XCTAssertTrue(text.contains("# TYPE temporal_workflow_task_execution_latency histogram"), context)

        try await stopCleanly(daemon)
        XCTAssertThrowsError(try Scrape.get(port: port, "/healthz"), "the endpoint closes with the daemon")
    }

    /// The port of `metrics listening ... address=127.0.0.1:PORT` in a log.
    static func listeningPort(in log: String) -> UInt16? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("metrics listening") }),
              let range = line.range(of: #"address=127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else { return nil }
        return UInt16(line[range].split(separator: ":").last ?? "")
    }
}

/// A plain HTTP GET over a TCP socket to 127.0.0.1 (no proxy settings, no
/// URLSession), and a reader of Prometheus text.
enum Scrape {
    static func get(port: UInt16, _ path: String) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw IntegrationError("socket failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else { throw IntegrationError("connect to 127.0.0.1:\(port) failed (errno \(errno))") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n"),
              let status = Int(text.split(separator: " ").dropFirst().first ?? "") else {
            throw IntegrationError("not an HTTP response: \(text.prefix(200))")
        }
        return (status, String(text[split.upperBound...]))
    }

    /// The value of the series written exactly as `series` (name and
    /// labels), or nil when absent.
    static func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }
}
