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

    /// `insecureSkipVerify`: neither the chain nor the host name is checked
    /// (no CA, a wrong CA, a name not in the certificate), while a client
    /// certificate is still presented to a proxy that requires one.
    func testInsecureSkipVerify() async throws {
        let server = try await DevServer.shared()
        let proxy = try TLSProxy(upstreamPort: server.port)
        let byName = "localhost:" + proxy.address.split(separator: ":").last!
        for (address, ca) in [(byName, nil), (proxy.address, proxy.clientCertPEM), (byName, proxy.caPEM)] {
            let ok = try await describe(ConnectionConfig(
                address: address, identity: "tls-skip", tls: .init(serverCAPEM: ca, insecureSkipVerify: true)))
            XCTAssertFalse(ok.isEmpty)
        }
        // Verified, the right CA still rejects a host name the certificate lacks.
        do {
            _ = try await describe(ConnectionConfig(address: byName, identity: "tls-skip",
                                                    tls: .init(serverCAPEM: proxy.caPEM)))
            XCTFail("expected a host name mismatch")
        } catch {
            XCTAssertEqual(error.code, .unavailable, "\(error)")
        }

        let mtls = try TLSProxy(upstreamPort: server.port, requireClientCert: true)
        let withCert = try await describe(ConnectionConfig(
            address: mtls.address, identity: "mtls-skip",
            tls: .init(clientCertPEM: mtls.clientCertPEM, clientKeyPEM: mtls.clientKeyPEM, insecureSkipVerify: true)))
        XCTAssertFalse(withCert.isEmpty)
        do {
            _ = try await describe(ConnectionConfig(address: mtls.address, identity: "mtls-skip",
                                                    tls: .init(insecureSkipVerify: true)))
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
