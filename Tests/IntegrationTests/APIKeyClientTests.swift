import Foundation
import TestSupport
import XCTest

/// API keys configured in a `temporal.client` entry, against nginx as a
/// TLS-terminating gRPC proxy in front of the dev server that lets through
/// only calls carrying `authorization: Bearer <key>` (GRPCProxy). The
/// proxy's access log says, per call, whether the header matched.
final class APIKeyClientTests: IntegrationTestCase {
    /// A key no log could contain by accident.
    private func makeKey() -> String { "mfkey-\(UUID().uuidString.lowercased())" }

    private func registry(_ label: String, proxy: GRPCProxy, queue: String, client: String,
                          worker: String = "") throws -> TestRegistry {
        let registry = try makeRegistry(label)
        try Data(proxy.pki.caPEM).write(to: registry.dir.appendingPathComponent("ca.pem"))
        try registry.write("it.yaml", """
            version: "1.0"
            namespace: it
            entries:
              - name: client
                kind: temporal.client
                address: "\(proxy.address)"
            \(client)
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: "\(queue)"
            \(worker)
              - name: hello
                kind: workflow.lua
                source: "return function(name) return 'hello ' .. name end"
                meta: {temporal: {workflow: {worker: worker, name: APIKeyHello}}}
            """)
        return registry
    }

    private func runHello(_ cli: TemporalCLI, queue: String, input: String, daemon: DaemonProcess,
                          proxy: GRPCProxy) async throws {
        let out = try await cli.ok(["workflow", "execute", "--type", "APIKeyHello", "--task-queue", queue,
                                    "--input", "\"\(input)\""], timeout: .seconds(40))
        XCTAssertTrue(out.contains("\"hello \(input)\""), out + "\n" + daemon.describe() + "\n" + proxy.describe())
    }

    /// The key from the environment, TLS with the test CA and server name:
    /// the workflow runs through the proxy, every call carried the key, and
    /// the key appears nowhere in the daemon's output, even at debug level
    /// (set by the worker's log_level, MOONFLOW_LOG_LEVEL being empty).
    func testRightKeyFromTheEnvironmentRunsAWorkflowThroughTheProxy() async throws {
        let server = try await devServer()
        let key = makeKey()
        let proxy = try GRPCProxy(upstreamPort: server.port, apiKey: key)
        let queue = unique("apikey")
        let registry = try registry("apikey-env", proxy: proxy, queue: queue, client: """
                tls: {ca_file: ca.pem, server_name: "\(proxy.serverName)"}
                auth: {type: api_key, api_key_env: MOONFLOW_IT_API_KEY}
            """, worker: "    log_level: debug")
        let daemon = try await startDaemon(registry, label: "apikey-env",
                                           environment: ["MOONFLOW_IT_API_KEY": key, "MOONFLOW_LOG_LEVEL": ""])
        try await runHello(TemporalCLI(server), queue: queue, input: "key", daemon: daemon, proxy: proxy)
        try await stopCleanly(daemon)

        let calls = proxy.calls()
        let methods = Set(calls.map(\.method))
        for method in ["PollWorkflowTaskQueue", "RespondWorkflowTaskCompleted"] {
            XCTAssertTrue(methods.contains(method), "\(method) did not go through the proxy: \(calls)")
        }
        XCTAssertEqual(calls.filter { !$0.keyMatched }, [], "every call carries the key")
        XCTAssertTrue(calls.filter { $0.method == "RespondWorkflowTaskCompleted" }.allSatisfy { $0.status == 200 }, "\(calls)")
        let log = daemon.log()
        XCTAssertTrue(log.contains("workflow task completed"), "the worker's log_level: debug applies\n\(log)")
        XCTAssertFalse(log.contains(key), "the API key must never be logged")
    }

    /// A key file and no tls block: TLS is on by default with an API key
    /// (the proxy speaks only TLS; the system roots are replaced by the test
    /// CA through gRPC's GRPC_DEFAULT_SSL_ROOTS_FILE_PATH, and the address
    /// 127.0.0.1 is in the certificate). `tls: {enabled: false}` turns it
    /// off: the same call then fails, and nginx saw only plaintext bytes.
    func testTLSIsOnByDefaultWithAnAPIKey() async throws {
        let server = try await devServer()
        let key = makeKey()
        let proxy = try GRPCProxy(upstreamPort: server.port, apiKey: key)
        let queue = unique("apikey-tls")
        let byDefault = try registry("apikey-default-tls", proxy: proxy, queue: queue, client: """
                auth: {type: api_key, api_key_file: secrets/key.txt}
            """)
        try FileManager.default.createDirectory(at: byDefault.dir.appendingPathComponent("secrets"),
                                                withIntermediateDirectories: true)
        try byDefault.write("secrets/key.txt", key + "\n")
        let roots = ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH": proxy.pki.caFile]
        let daemon = try await startDaemon(byDefault, label: "apikey-default-tls", environment: roots)
        try await runHello(TemporalCLI(server), queue: queue, input: "default tls", daemon: daemon, proxy: proxy)
        try await stopCleanly(daemon)
        XCTAssertTrue(proxy.calls().contains { $0.method == "RespondWorkflowTaskCompleted" && $0.keyMatched },
                      "\(proxy.calls())")
        XCTAssertFalse(daemon.log().contains(key), "the API key must never be logged")

        let before = proxy.calls().count
        let plaintext = try registry("apikey-no-tls", proxy: proxy, queue: queue, client: """
                tls: {enabled: false}
                auth: {type: api_key, api_key: \(key)}
            """)
        let result = try await Spawn.run(try Paths.moonflow(), ["start", "it:hello", "--registry", plaintext.dir.path,
                                                                "--input", #""x""#],
                                         timeout: .seconds(40), environment: roots)
        XCTAssertEqual(result.status, 1, result.combined)
        XCTAssertTrue(result.stderr.hasPrefix("moonflow start: UNAVAILABLE"), result.combined)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line expected: \(result.combined)")
        XCTAssertFalse(result.stderr.contains(key), result.combined)
        // nginx logged the plaintext attempts as non-HTTP/2 requests it
        // refused (400: plain HTTP sent to its TLS port); none was proxied.
        let attempts = proxy.calls().dropFirst(before)
        XCTAssertFalse(attempts.isEmpty, "the plaintext connection reached nginx")
        XCTAssertTrue(attempts.allSatisfy { $0.status == 400 && $0.method == "-" }, "\(attempts)")
    }

    /// A wrong key: the proxy answers UNAUTHENTICATED; the daemon logs it as
    /// an error naming the client and the worker, keeps retrying and stops
    /// cleanly; `moonflow start` fails with one line. The key is not logged.
    func testWrongKeyIsAClearErrorAndTheDaemonKeepsRunning() async throws {
        let server = try await devServer()
        let proxy = try GRPCProxy(upstreamPort: server.port, apiKey: makeKey())
        let wrong = makeKey()
        let queue = unique("apikey-wrong")
        let registry = try registry("apikey-wrong", proxy: proxy, queue: queue, client: """
                tls: {ca_file: ca.pem, server_name: "\(proxy.serverName)"}
                auth: {type: api_key, api_key: \(wrong)}
            """)
        let daemon = try await startDaemon(registry, label: "apikey-wrong")
        let line = try await eventually("the daemon to log the rejected poll", timeout: .seconds(20),
                                        message: { daemon.describe() }) { () -> String? in
            try daemon.ensureAlive()
            return daemon.log().split(separator: "\n").first { $0.contains("rejected by the server") }.map(String.init)
        }
        for part in [" error ", "UNAUTHENTICATED", "missing or wrong API key", "client=it:client", "worker=it:worker",
                     "check the client's auth"] {
            XCTAssertTrue(line.contains(part), "\(part) missing from: \(line)")
        }
        // Still running and still retrying (with backoff): more rejected
        // calls reach the proxy after the first were logged.
        let seen = proxy.calls().count
        _ = try await eventually("retries after the first rejection", timeout: .seconds(20),
                                 message: { daemon.describe() + "\n" + proxy.describe() }) { () -> Bool? in
            try daemon.ensureAlive()
            return proxy.calls().count >= seen + 8 ? true : nil
        }
        try await stopCleanly(daemon)
        let calls = proxy.calls()
        XCTAssertFalse(calls.isEmpty)
        XCTAssertTrue(calls.allSatisfy { !$0.keyMatched && $0.status == 204 }, "\(calls)")
        XCTAssertFalse(daemon.log().contains(wrong), "the API key must never be logged")

        let result = try await Spawn.run(try Paths.moonflow(), ["start", "it:hello", "--registry", registry.dir.path,
                                                                "--input", #""x""#], timeout: .seconds(40))
        XCTAssertEqual(result.status, 1, result.combined)
        // The CLI names the failure by its error kind (UNAUTHENTICATED is PERMISSION_DENIED there).
        XCTAssertTrue(result.stderr.hasPrefix("moonflow start: PERMISSION_DENIED"), result.combined)
        XCTAssertTrue(result.stderr.contains("missing or wrong API key"), result.combined)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line expected: \(result.combined)")
        XCTAssertFalse(result.stderr.contains(wrong), result.combined)
    }
}
