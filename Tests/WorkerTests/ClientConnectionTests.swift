import Foundation
import Registry
import TemporalRPC
import Worker
import XCTest

/// A `temporal.client` entry turned into a connection: secrets read from
/// files and the environment, TLS on by default with an API key.
final class ClientConnectionTests: XCTestCase {
    private func config(_ client: ClientEntry) throws -> ConnectionConfig {
        try ClientConnection.config(for: client, identity: "me")
    }

    func testAPIKeyTurnsTLSOnUnlessExplicitlyDisabled() throws {
        let key = ClientAuth.apiKey(.literal("k-123"))
        let byDefault = try config(ClientEntry(id: "a:c", address: "h:1", auth: key))
        XCTAssertTrue(byDefault.usesTLS)
        XCTAssertEqual(byDefault.apiKey, "k-123")
        XCTAssertTrue(byDefault.callMetadata.contains { $0 == ("authorization", "Bearer k-123") })

        let off = try config(ClientEntry(id: "a:c", address: "h:1", tls: TLSSettings(enabled: false), auth: key))
        XCTAssertFalse(off.usesTLS, "tls.enabled: false is honoured with an API key")
        XCTAssertEqual(off.apiKey, "k-123")

        let plain = try config(ClientEntry(id: "a:c", address: "h:1"))
        XCTAssertFalse(plain.usesTLS)
        XCTAssertNil(plain.apiKey)
        let explicit = try config(ClientEntry(id: "a:c", address: "h:1", tls: TLSSettings(enabled: true)))
        XCTAssertTrue(explicit.usesTLS)
    }

    func testInsecureSkipVerifyReachesTheConnectionWithAWarning() throws {
        let skip = try config(ClientEntry(id: "a:c", address: "h:1", tls: TLSSettings(enabled: true, insecureSkipVerify: true)))
        XCTAssertTrue(skip.tls.insecureSkipVerify)
        XCTAssertTrue(skip.skipsServerVerification)
        XCTAssertEqual(ClientConnection.verificationWarning(skip),
                       "TLS server certificate verification is off (tls.insecure_skip_verify):"
                       + " the server's identity is not checked; use only for testing")
        let verified = try config(ClientEntry(id: "a:c", address: "h:1", tls: TLSSettings(enabled: true)))
        XCTAssertFalse(verified.tls.insecureSkipVerify)
        XCTAssertNil(ClientConnection.verificationWarning(verified))
        let plaintext = try config(ClientEntry(id: "a:c", address: "h:1",
                                               tls: TLSSettings(enabled: false, insecureSkipVerify: true)))
        XCTAssertNil(ClientConnection.verificationWarning(plaintext), "no TLS: nothing is skipped")
    }

    func testAPIKeyFromAFileIsTrimmedAndFromTheEnvironment() throws {
        let file = NSTemporaryDirectory() + "moonflow-key-\(UUID().uuidString)"
        try "  file-key\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertEqual(try config(ClientEntry(id: "a:c", address: "h:1", auth: .apiKey(.file(file)))).apiKey, "file-key")

        // PATH is set in every test environment; an unset name is a clear error.
        let path = ProcessInfo.processInfo.environment["PATH"]
        XCTAssertEqual(try config(ClientEntry(id: "a:c", address: "h:1", auth: .apiKey(.environment("PATH")))).apiKey,
                       path)
        XCTAssertThrowsError(try config(ClientEntry(id: "a:c", address: "h:1",
                                                    auth: .apiKey(.environment("MOONFLOW_TEST_UNSET_KEY"))))) {
            XCTAssertEqual("\($0)", "a:c: auth.api_key_env names MOONFLOW_TEST_UNSET_KEY, which is not set")
        }
        XCTAssertThrowsError(try config(ClientEntry(id: "a:c", address: "h:1", auth: .apiKey(.file(file + ".none"))))) {
            XCTAssertEqual("\($0)", "a:c: cannot read auth.api_key_file \(file).none")
        }
    }
}
