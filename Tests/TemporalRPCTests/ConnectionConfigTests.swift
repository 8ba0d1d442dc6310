import TemporalRPC
import XCTest

final class ConnectionConfigTests: XCTestCase {
    func testStandardMetadata() {
        let c = ConnectionConfig(address: "h:1", namespace: "ns", identity: "me")
        let md = Dictionary(c.callMetadata, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(md["client-name"], "moonflow")
        XCTAssertEqual(md["client-version"], ClientInfo.version)
        XCTAssertEqual(md["temporal-namespace"], "ns")
        XCTAssertEqual(md["supported-features"], "follows-next-run-id")
        XCTAssertNil(md["authorization"])
        XCTAssertFalse(c.usesTLS)
    }

    func testAPIKeyAddsBearerAndEnablesTLS() {
        let c = ConnectionConfig(address: "h:1", identity: "me", apiKey: "sekrit")
        XCTAssertTrue(c.callMetadata.contains { $0 == ("authorization", "Bearer sekrit") })
        XCTAssertTrue(c.usesTLS)
        var off = c
        off.tls.enabled = false
        XCTAssertFalse(off.usesTLS)
    }

    func testExplicitAuthorizationHeaderWins() {
        let c = ConnectionConfig(address: "h:1", identity: "me", apiKey: "sekrit",
                                 headers: [.init("Authorization", "Bearer other")])
        let auth = c.callMetadata.filter { $0.0 == "authorization" }
        XCTAssertEqual(auth.map(\.1), ["Bearer other"])
    }

    func testDescriptionRedactsSecrets() {
        let c = ConnectionConfig(address: "h:1", identity: "me",
                                 tls: .init(clientCertPEM: Array("CERT".utf8), clientKeyPEM: Array("KEYDATA".utf8)),
                                 apiKey: "sekrit", headers: [.init("authorization", "Bearer hidden")])
        for text in [c.description, c.debugDescription, "\(c)", String(reflecting: c)] {
            XCTAssertFalse(text.contains("sekrit"), text)
            XCTAssertFalse(text.contains("KEYDATA"), text)
            XCTAssertFalse(text.contains("hidden"), text)
        }
        XCTAssertTrue(c.usesTLS)
    }

    func testTLSChannelCanBeCreated() throws {
        let c = ConnectionConfig(address: "127.0.0.1:1", identity: "me",
                                 tls: .init(enabled: true, serverName: "example.test"))
        _ = try GRPCChannel(config: c)
    }

    func testInsecureSkipVerifyImpliesTLSAndIsDescribed() {
        let c = ConnectionConfig(address: "h:1", identity: "me", tls: .init(insecureSkipVerify: true))
        XCTAssertTrue(c.usesTLS)
        XCTAssertTrue(c.skipsServerVerification)
        XCTAssertTrue(c.description.contains("insecureSkipVerify: true"), c.description)
        var off = c
        off.tls.enabled = false
        XCTAssertFalse(off.usesTLS)
        XCTAssertFalse(off.skipsServerVerification, "no TLS, nothing to verify")
        XCTAssertFalse(off.description.contains("insecureSkipVerify"), off.description)
        let verified = ConnectionConfig(address: "h:1", identity: "me", tls: .init(enabled: true))
        XCTAssertFalse(verified.skipsServerVerification)
    }

    /// The shim builds grpc's TLS credentials for an unverified channel,
    /// with and without a client identity (PEM is only parsed at handshake).
    func testUnverifiedTLSChannelCanBeCreated() throws {
        _ = try GRPCChannel(config: ConnectionConfig(address: "127.0.0.1:1", identity: "me",
                                                     tls: .init(insecureSkipVerify: true)))
        _ = try GRPCChannel(config: ConnectionConfig(address: "127.0.0.1:1", identity: "me",
                                                     tls: .init(clientCertPEM: Array("CERT".utf8),
                                                                clientKeyPEM: Array("KEY".utf8),
                                                                insecureSkipVerify: true)))
    }
}
