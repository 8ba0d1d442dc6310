import Foundation
import TestSupport
import XCTest

/// TLS and mTLS configured in a `temporal.client` entry, against a local
/// TLS terminator in front of the dev server: the daemon runs a workflow
/// through it; a wrong CA or a missing client certificate is a clear error.
final class TLSClientTests: IntegrationTestCase {
    func registry(_ label: String, proxy: TLSProxy, queue: String, client: String) throws -> TestRegistry {
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
                address: "\(proxy.address)"
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
}
