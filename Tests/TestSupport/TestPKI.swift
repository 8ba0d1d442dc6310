import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PKI in a fresh temporary folder, made with `openssl`: a CA,
/// a server certificate for `moonflow.test` and `127.0.0.1`, and a client
/// certificate, all signed by the CA (EC P-256, valid two days).
public struct TestPKI: Sendable {
    /// The DNS name in the server certificate.
    public static let serverName = "moonflow.test"
    /// The folder holding every file (and free for the user's own files).
    public let dir: String
    /// PEM of the CA, and of the client certificate and its private key.
    public let caPEM: [UInt8]
    public let clientCertPEM: [UInt8]
    public let clientKeyPEM: [UInt8]

    public var caFile: String { dir + "/ca.pem" }
    public var serverCertFile: String { dir + "/server.pem" }
    public var serverKeyFile: String { dir + "/server.key" }

    /// Makes the PKI in a new folder named after `label`.
    public init(label: String) throws {
        dir = NSTemporaryDirectory() + "moonflow-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.make(in: dir)
        caPEM = try Self.read(dir + "/ca.pem")
        clientCertPEM = try Self.read(dir + "/client.pem")
        clientKeyPEM = try Self.read(dir + "/client.key")
    }

    private static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw DevServerError("cannot read \(path)") }
        return Array(data)
    }

    private static func openssl(_ args: [String], in dir: String) throws {
        let result = try DevServerProcess.run("/usr/bin/openssl", args, timeout: .seconds(30), directory: dir)
        guard result.status == 0 else {
            throw DevServerError("openssl \(args.first ?? "") failed: \(result.stderr)")
        }
    }

    private static func make(in dir: String) throws {
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                                              "-subj", "/CN=moonflow-test-ca"], in: dir)
        try "subjectAltName=DNS:\(serverName),IP:127.0.0.1\n"
            .write(toFile: dir + "/server.ext", atomically: true, encoding: .utf8)
        try "extendedKeyUsage=clientAuth\n".write(toFile: dir + "/client.ext", atomically: true, encoding: .utf8)
        for (name, cn) in [("server", serverName), ("client", "moonflow-client")] {
            try openssl(["req"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(cn)"], in: dir)
            try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                         "-CAcreateserial", "-out", "\(name).pem", "-days", "2", "-extfile", "\(name).ext"], in: dir)
        }
    }
}
