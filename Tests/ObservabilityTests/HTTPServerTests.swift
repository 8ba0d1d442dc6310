import Observability
import XCTest

/// The metrics endpoint over a real socket on 127.0.0.1.
final class HTTPServerTests: XCTestCase {
    private func start(_ telemetry: Telemetry) throws -> HTTPServer {
        let server = try telemetry.serve(on: ListenAddress(host: "127.0.0.1", port: 0))
        addTeardownBlock { server.stop() }
        XCTAssertNotEqual(server.address.port, 0, "the bound port is reported")
        return server
    }

    func testMetricsEndpointServesPrometheusText() throws {
        let telemetry = Telemetry()
        telemetry.worker(namespace: "default", taskQueue: "orders").workflowClosed(.completed, workflowType: "W")
        let server = try start(telemetry)
        let response = try RawHTTP.request(port: server.address.port, "/metrics")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8")
        XCTAssertEqual(response.headers["connection"], "close")
        XCTAssertEqual(Int(response.headers["content-length"] ?? ""), response.body.utf8.count)
        XCTAssertTrue(response.body.contains(
            #"temporal_workflow_completed{namespace="default",task_queue="orders",workflow_type="W"} 1"#), response.body)
    }

    func testHealthzFollowsWorkerState() throws {
        let telemetry = Telemetry()
        let server = try start(telemetry)
        let port = server.address.port

        var response = try RawHTTP.request(port: port, "/healthz")
        XCTAssertEqual(response.status, 503, "no worker registered")
        XCTAssertTrue(response.body.contains(#""status":"no_workers""#), response.body)

        telemetry.health.register(worker: "shop:worker", namespace: "default", taskQueue: "orders")
        response = try RawHTTP.request(port: port, "/healthz")
        XCTAssertEqual(response.status, 503, "never polled")
        XCTAssertTrue(response.body.contains(#""status":"starting""#), response.body)

        telemetry.health.succeeded(worker: "shop:worker")
        response = try RawHTTP.request(port: port, "/healthz?verbose=1")
        XCTAssertEqual(response.status, 200, response.body)
        XCTAssertEqual(response.headers["content-type"], "application/json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "ok")
        let workers = try XCTUnwrap(json["workers"] as? [[String: Any]])
        XCTAssertEqual(workers.first?["worker"] as? String, "shop:worker")
        XCTAssertEqual(workers.first?["task_queue"] as? String, "orders")
        XCTAssertEqual(workers.first?["status"] as? String, "ok")

        telemetry.health.markStopping()
        response = try RawHTTP.request(port: port, "/healthz")
        XCTAssertEqual(response.status, 503)
        XCTAssertTrue(response.body.contains(#""status":"stopping""#), response.body)
    }

    func testUnknownPathsMethodsAndHead() throws {
        let server = try start(Telemetry())
        let port = server.address.port
        XCTAssertEqual(try RawHTTP.request(port: port, "/nope").status, 404)
        let post = try RawHTTP.request(port: port, "/metrics", method: "POST")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")
        let head = try RawHTTP.request(port: port, "/metrics", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, "", "HEAD has no body")
        XCTAssertNotNil(head.headers["content-length"])
    }

    func testMalformedAndOversizedRequestsAreRefused() throws {
        let server = try start(Telemetry())
        let port = server.address.port
        let garbage = try RawHTTP.parse(RawHTTP.exchange(port: port, Array("hello there\r\n\r\n".utf8)))
        XCTAssertEqual(garbage.status, 400)
        let huge = "GET /metrics HTTP/1.1\r\nX-Filler: " + String(repeating: "a", count: 20_000) + "\r\n\r\n"
        let bytes = try RawHTTP.exchange(port: port, Array(huge.utf8))
        // The server answers 431 and closes; the client may see a reset
        // instead when its unread bytes were still in flight.
        if !bytes.isEmpty { XCTAssertEqual(try RawHTTP.parse(bytes).status, 431) }
        // And it still serves afterwards.
        XCTAssertEqual(try RawHTTP.request(port: port, "/metrics").status, 200)
    }

    func testSilentClientTimesOutWithoutBlockingForever() throws {
        let server = try start(Telemetry())
        let port = server.address.port
        let started = Date()
        let bytes = try RawHTTP.exchange(port: port, Array("GET /metrics HTTP/1.1\r\n".utf8))   // never ends the head
        XCTAssertEqual(try RawHTTP.parse(bytes).status, 408)
        XCTAssertLessThan(Date().timeIntervalSince(started), 9)
        XCTAssertEqual(try RawHTTP.request(port: port, "/healthz").status, 503)
    }

    func testStopClosesTheSocketAndBusyPortIsAClearError() throws {
        let server = try Telemetry().serve(on: ListenAddress(host: "127.0.0.1", port: 0))
        let port = server.address.port
        XCTAssertThrowsError(try Telemetry().serve(on: ListenAddress(host: "127.0.0.1", port: port))) { error in
            XCTAssertEqual("\(error)", "cannot listen on 127.0.0.1:\(port): Address already in use")
        }
        server.stop()
        server.stop()   // idempotent
        XCTAssertThrowsError(try RawHTTP.connect(port: port))
    }
}
