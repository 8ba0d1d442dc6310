import TemporalRPC
import TestSupport
import XCTest

/// TLS and mTLS through a local TLS-terminating proxy in front of the dev server.
final class TLSTests: XCTestCase {
    private func describe(_ config: ConnectionConfig) async throws(RPCError) -> [UInt8] {
        let ch = try GRPCChannel(config: config)
        return try await ch.unary(method: Paths.describeNamespace, request: RawProto.describeNamespace("default"),
                                  timeout: .seconds(10))
    }

    func testTLSWithCustomCAAndServerName() async throws {
        let server = try await DevServer.shared()
        let proxy = try TLSProxy(upstreamPort: server.port)
        let ok = try await describe(ConnectionConfig(
            address: proxy.address, identity: "tls-test",
            tls: .init(serverCAPEM: proxy.caPEM, serverName: proxy.serverName)))
        XCTAssertFalse(ok.isEmpty)

        // The certificate also has an IP SAN, so no override is needed.
        let byIP = try await describe(ConnectionConfig(
            address: proxy.address, identity: "tls-test", tls: .init(serverCAPEM: proxy.caPEM)))
        XCTAssertFalse(byIP.isEmpty)

        // Default roots do not trust the test CA.
        do {
            _ = try await describe(ConnectionConfig(address: proxy.address, identity: "tls-test",
                                                    tls: .init(enabled: true)))
            XCTFail("expected a handshake failure")
        } catch {
            XCTAssertEqual(error.code, .unavailable, "\(error)")
        }

        // An API key turns TLS on by default (and is sent as a bearer token).
        let withKey = try await describe(ConnectionConfig(
            address: proxy.address, identity: "tls-test", tls: .init(serverCAPEM: proxy.caPEM), apiKey: "k"))
        XCTAssertFalse(withKey.isEmpty)
    }

    func testMutualTLS() async throws {
        let server = try await DevServer.shared()
        let proxy = try TLSProxy(upstreamPort: server.port, requireClientCert: true)
        let ok = try await describe(ConnectionConfig(
            address: proxy.address, identity: "mtls-test",
            tls: .init(serverCAPEM: proxy.caPEM, clientCertPEM: proxy.clientCertPEM,
                       clientKeyPEM: proxy.clientKeyPEM, serverName: proxy.serverName)))
        XCTAssertFalse(ok.isEmpty)

        do {
            _ = try await describe(ConnectionConfig(
                address: proxy.address, identity: "mtls-test",
                tls: .init(serverCAPEM: proxy.caPEM, serverName: proxy.serverName)))
            XCTFail("expected the proxy to reject a client without a certificate")
        } catch {
            XCTAssertEqual(error.code, .unavailable, "\(error)")
        }
    }

    func testCertificateWithoutKeyIsRejected() {
        let config = ConnectionConfig(address: "127.0.0.1:1", identity: "x",
                                      tls: .init(clientCertPEM: Array("CERT".utf8)))
        XCTAssertThrowsError(try GRPCChannel(config: config)) { error in
            XCTAssertEqual((error as? RPCError)?.code, .invalidArgument)
        }
    }
}
