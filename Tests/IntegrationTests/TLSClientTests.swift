import Foundation
import TestSupport
import XCTest

/// TLS and mTLS configured in a `temporal.client` entry, against a local
/// TLS terminator in front of the dev server: the daemon runs a workflow
/// through it; a wrong CA or a missing client certificate is a clear error;
/// `tls.insecure_skip_verify` connects without verifying the server.
final class TLSClientTests: IntegrationTestCase {
    func registry(_ label: String, proxy: TLSProxy, address: String? = nil, queue: String,
                  client: String) throws -> TestRegistry {
        let registry = try makeRegistry(label)
        try Data(proxy.caPEM).write(to: registry.dir.appendingPathComponent("ca.pem"))
        try Data(proxy.clientCertPEM).write(to: registry.dir.appendingPathComponent("client.pem"))
        try Data(proxy.clientKeyPEM).write(to: registry.dir.appendingPathComponent("client.key"))
        try registry.write("it.yaml", """
            version: "1.0"
            namespace: it
            entries:
              - name: client
                kind: temporal.client
                address: "\(address ?? proxy.address)"
            \(client)
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: "\(queue)"
              - name: hello
                kind: workflow.lua
                source: "return function(name) return 'hello ' .. name end"
                meta: {temporal: {workflow: {worker: worker, name: TLSHello}}}
            """)
        return registry
    }

    func testMutualTLSFromTheRegistry() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let proxy = try TLSProxy(upstreamPort: server.port, requireClientCert: true)
        let queue = unique("tls")
        let good = try registry("tls-good", proxy: proxy, queue: queue, client: """
                tls: {enabled: true, ca_file: ca.pem, server_name: "\(proxy.serverName)"}
                auth: {type: mtls, cert_file: client.pem, key_file: client.key}
            """)
        let daemon = try await startDaemon(good, label: "tls")
        let out = try await cli.ok(["workflow", "execute", "--type", "TLSHello", "--task-queue", queue,
                                    "--input", #""tls""#], timeout: .seconds(40))
        XCTAssertTrue(out.contains(#""hello tls""#), out + "\n" + daemon.describe())
        try await stopCleanly(daemon)

        // The same client code from the CLI: a wrong CA and a missing client
        // certificate each fail with one clear line.
        let wrongCA = try registry("tls-wrong-ca", proxy: proxy, queue: queue, client: """
                tls: {enabled: true, ca_file: client.pem, server_name: "\(proxy.serverName)"}
                auth: {type: mtls, cert_file: client.pem, key_file: client.key}
            """)
        let noCert = try registry("tls-no-cert", proxy: proxy, queue: queue, client: """
                tls: {enabled: true, ca_file: ca.pem, server_name: "\(proxy.serverName)"}
            """)
        for (registry, label) in [(wrongCA, "wrong CA"), (noCert, "missing client certificate")] {
            let result = try await Spawn.run(try Paths.moonflow(), ["start", "it:hello", "--registry", registry.dir.path,
                                                                    "--input", #""x""#], timeout: .seconds(40))
            XCTAssertEqual(result.status, 1, "\(label): \(result.combined)")
            XCTAssertTrue(result.stderr.hasPrefix("moonflow start: UNAVAILABLE"), "\(label): \(result.combined)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(label): one line expected: \(result.combined)")
        }
    }

    /// `moonflow start` on `registry`, waiting up to 40 s.
    private func start(_ registry: TestRegistry, wait: Bool = false) async throws -> Spawn.Output {
        try await Spawn.run(try Paths.moonflow(), ["start", "it:hello", "--registry", registry.dir.path,
                                                   "--input", #""x""#] + (wait ? ["--wait"] : []),
                            timeout: .seconds(40))
    }

    /// `tls: {insecure_skip_verify: true}` with no CA, through `localhost`
    /// (a name the server certificate does not carry): the daemon runs a
    /// workflow over TLS and warns once that the server is not verified;
    /// through an mTLS proxy the client certificate is still sent. Without
    /// the flag each of these connections fails with one line: no CA means
    /// an unknown issuer, and the right CA still rejects the host name.
    func testInsecureSkipVerifyConnectsWithoutVerifyingTheServer() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let proxy = try TLSProxy(upstreamPort: server.port)
        let mtlsProxy = try TLSProxy(upstreamPort: server.port, requireClientCert: true)
        func localhost(_ proxy: TLSProxy) -> String { "localhost:" + proxy.address.split(separator: ":").last! }
        let queue = unique("tls-skip")

        let skip = try registry("tls-skip", proxy: proxy, address: localhost(proxy), queue: queue, client: """
                tls: {insecure_skip_verify: true}
            """)
        let daemon = try await startDaemon(skip, label: "tls-skip")
        let out = try await cli.ok(["workflow", "execute", "--type", "TLSHello", "--task-queue", queue,
                                    "--input", #""unverified""#], timeout: .seconds(40))
        XCTAssertTrue(out.contains(#""hello unverified""#), out + "\n" + daemon.describe())

        // mTLS without verifying the server: `moonflow start --wait` goes
        // through the proxy that demands a client certificate, and the
        // daemon above runs the workflow.
        let skipMTLS = try registry("tls-skip-mtls", proxy: mtlsProxy, address: localhost(mtlsProxy), queue: queue,
                                    client: """
                tls: {insecure_skip_verify: true}
                auth: {type: mtls, cert_file: client.pem, key_file: client.key}
            """)
        let started = try await start(skipMTLS, wait: true)
        XCTAssertEqual(started.status, 0, started.combined)
        XCTAssertEqual(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines), #""hello x""#, started.combined)
        XCTAssertEqual(started.stderr.trimmingCharacters(in: .newlines),
                       "moonflow: warning: TLS server certificate verification is off (tls.insecure_skip_verify):"
                       + " the server's identity is not checked; use only for testing", started.combined)
        try await stopCleanly(daemon)

        let warnings = daemon.log().split(separator: "\n").filter { $0.contains("verification is off") }
        XCTAssertEqual(warnings.count, 1, "one warning at connect time\n\(daemon.log())")
        for part in ["warning", "client=it:client", "tls.insecure_skip_verify", "use only for testing"] {
            XCTAssertTrue(warnings.first?.contains(part) ?? false, "\(part) missing from: \(warnings)")
        }

        // The flag is what lets these through: without it, each fails.
        let noCA = try registry("tls-skip-off-no-ca", proxy: proxy, queue: queue, client: """
                tls: {enabled: true}
            """)
        let wrongName = try registry("tls-skip-off-name", proxy: proxy, address: localhost(proxy), queue: queue,
                                     client: """
                tls: {ca_file: ca.pem}
            """)
        let noCert = try registry("tls-skip-no-cert", proxy: mtlsProxy, address: localhost(mtlsProxy), queue: queue,
                                  client: """
                tls: {insecure_skip_verify: true}
            """)
        for (registry, label) in [(noCA, "no CA"), (wrongName, "host name not in the certificate")] {
            let result = try await start(registry)
            XCTAssertEqual(result.status, 1, "\(label): \(result.combined)")
            XCTAssertTrue(result.stderr.hasPrefix("moonflow start: UNAVAILABLE"), "\(label): \(result.combined)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(label): one line expected: \(result.combined)")
        }
        // Skipping server verification does not stand in for a client certificate.
        let result = try await start(noCert)
        XCTAssertEqual(result.status, 1, result.combined)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "the warning and the error: \(result.combined)")
        XCTAssertTrue(lines.first?.hasPrefix("moonflow: warning: TLS server certificate verification is off") ?? false,
                      result.combined)
        XCTAssertTrue(lines.last?.hasPrefix("moonflow start: UNAVAILABLE") ?? false, result.combined)
    }
}
