import Registry
import TemporalRPC

/// Turns a `temporal.client` entry into a connection configuration,
/// reading secret files and variables. Secrets never reach a log line.
public enum ClientConnection {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public static func config(for client: ClientEntry, identity: String) throws(Problem) -> ConnectionConfig {
        // `enabled` nil (no tls block): on when an API key or a client
        // certificate is given (ConnectionConfig.usesTLS); false stays off.
        var tls = ConnectionConfig.TLSSettings(enabled: client.tls.enabled, serverName: client.tls.serverName,
                                               insecureSkipVerify: client.tls.insecureSkipVerify)
        if let ca = client.tls.caFile { tls.serverCAPEM = try read(ca, what: "tls.ca_file", client: client) }
        var apiKey: String?
        switch client.auth {
        case .none:
            break
        case .apiKey(let source):
            switch source {
            case .literal(let key): apiKey = key
            case .file(let path):
                let bytes = try read(path, what: "auth.api_key_file", client: client)
                apiKey = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            case .environment(let name):
                guard let value = HostProcess.environment[name], !value.isEmpty else {
                    throw Problem(description: "\(client.id): auth.api_key_env names \(name), which is not set")
                }
                apiKey = value
            }
        case .mtls(let certificate, let key):
            tls.clientCertPEM = try pem(certificate, what: "auth.cert", client: client)
            tls.clientKeyPEM = try pem(key, what: "auth.key", client: client)
        }
        return ConnectionConfig(address: client.address, namespace: client.namespace, identity: identity, tls: tls,
                                apiKey: apiKey, connectTimeout: client.connectionTimeout,
                                keepAliveTime: client.keepAliveTime, keepAliveTimeout: client.keepAliveTimeout)
    }

    /// The warning to log once when `config` connects without verifying the
    /// server (`tls.insecure_skip_verify`); `nil` when it verifies.
    public static func verificationWarning(_ config: ConnectionConfig) -> String? {
        guard config.skipsServerVerification else { return nil }
        return "TLS server certificate verification is off (tls.insecure_skip_verify):"
            + " the server's identity is not checked; use only for testing"
    }

    private static func pem(_ source: PEMSource, what: String, client: ClientEntry) throws(Problem) -> [UInt8] {
        switch source {
        case .pem(let text): return Array(text.utf8)
        case .file(let path): return try read(path, what: what + "_file", client: client)
        }
    }

    private static func read(_ path: String, what: String, client: ClientEntry) throws(Problem) -> [UInt8] {
        guard let data = FileSystem.read(path) else {
            throw Problem(description: "\(client.id): cannot read \(what) \(path)")
        }
        return data
    }
}
