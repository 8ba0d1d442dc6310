/// Everything needed to reach one Temporal frontend.
///
/// `description` and `debugDescription` redact the API key and the client
/// private key, so the value can be logged.
public struct ConnectionConfig: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `host:port`, e.g. `127.0.0.1:7233` (any gRPC target string works).
    public var address: String
    /// The namespace; sent as the `temporal-namespace` header on every call.
    public var namespace: String
    /// The worker/client identity put into requests by callers.
    public var identity: String
    /// Transport security.
    public var tls: TLSSettings
    /// A Temporal Cloud API key; adds `authorization: Bearer <key>` (unless
    /// `headers` already has an `authorization` entry) and turns TLS on
    /// unless `tls.enabled` is explicitly `false`.
    public var apiKey: String?
    /// Extra metadata sent on every call. Keys are lowercased.
    public var headers: [Header]
    /// Minimum time allowed for establishing a connection.
    public var connectTimeout: Duration
    /// Interval between HTTP/2 keepalive pings.
    public var keepAliveTime: Duration
    /// How long to wait for a ping ack before the connection is considered dead.
    public var keepAliveTimeout: Duration
    /// The largest reply accepted, in bytes (after decompression); a bigger
    /// one fails the call with `RESOURCE_EXHAUSTED`. At most `Int32.max`;
    /// 0 or less means the default, 128 MiB.
    public var maxReceiveMessageBytes: Int

    /// One metadata entry.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// TLS options. PEM fields hold the file contents, not paths.
    public struct TLSSettings: Sendable, Hashable {
        /// `true`/`false` force TLS on or off; `nil` means "on if anything
        /// else here is set or an API key is given".
        public var enabled: Bool?
        /// CA bundle used to verify the server; `nil` uses grpc's default roots.
        public var serverCAPEM: [UInt8]?
        /// Client certificate chain for mTLS.
        public var clientCertPEM: [UInt8]?
        /// Client private key for mTLS (a secret: never logged).
        public var clientKeyPEM: [UInt8]?
        /// Overrides the name the server certificate is checked against.
        public var serverName: String?
        /// Encrypt but do not verify the server's certificate chain or host
        /// name (testing only); `serverCAPEM` is then unused. A client
        /// certificate is still sent.
        public var insecureSkipVerify: Bool

        public init(enabled: Bool? = nil, serverCAPEM: [UInt8]? = nil, clientCertPEM: [UInt8]? = nil,
                    clientKeyPEM: [UInt8]? = nil, serverName: String? = nil, insecureSkipVerify: Bool = false) {
            self.enabled = enabled
            self.serverCAPEM = serverCAPEM
            self.clientCertPEM = clientCertPEM
            self.clientKeyPEM = clientKeyPEM
            self.serverName = serverName
            self.insecureSkipVerify = insecureSkipVerify
        }

        var hasMaterial: Bool {
            serverCAPEM != nil || clientCertPEM != nil || clientKeyPEM != nil || serverName != nil
                || insecureSkipVerify
        }
    }

    public init(address: String, namespace: String = "default", identity: String,
                tls: TLSSettings = .init(), apiKey: String? = nil, headers: [Header] = [],
                connectTimeout: Duration = .seconds(10), keepAliveTime: Duration = .seconds(30),
                keepAliveTimeout: Duration = .seconds(15), maxReceiveMessageBytes: Int = 128 << 20) {
        self.address = address
        self.namespace = namespace
        self.identity = identity
        self.tls = tls
        self.apiKey = apiKey
        self.headers = headers
        self.connectTimeout = connectTimeout
        self.keepAliveTime = keepAliveTime
        self.keepAliveTimeout = keepAliveTimeout
        self.maxReceiveMessageBytes = maxReceiveMessageBytes
    }

    /// Whether the channel uses TLS after applying the defaults above.
    public var usesTLS: Bool {
        if let enabled = tls.enabled { return enabled }
        return apiKey != nil || tls.hasMaterial
    }

    /// Whether the channel uses TLS without verifying the server.
    public var skipsServerVerification: Bool { usesTLS && tls.insecureSkipVerify }

    /// The metadata sent with every call, in order.
    public var callMetadata: [(String, String)] {
        var md: [(String, String)] = [
            ("client-name", ClientInfo.name),
            ("client-version", ClientInfo.version),
            ("supported-features", "follows-next-run-id"),
            ("temporal-namespace", namespace),
        ]
        let extra = headers.map { ($0.name.lowercased(), $0.value) }
        if let apiKey, !extra.contains(where: { $0.0 == "authorization" }) {
            md.append(("authorization", "Bearer \(apiKey)"))
        }
        md.append(contentsOf: extra)
        return md
    }

    public var description: String {
        var parts = ["address: \(address)", "namespace: \(namespace)", "identity: \(identity)",
                     "tls: \(usesTLS)"]
        if tls.serverCAPEM != nil { parts.append("serverCA: set") }
        if tls.clientCertPEM != nil { parts.append("clientCert: set") }
        if tls.clientKeyPEM != nil { parts.append("clientKey: <redacted>") }
        if let name = tls.serverName { parts.append("serverName: \(name)") }
        if skipsServerVerification { parts.append("insecureSkipVerify: true") }
        if apiKey != nil { parts.append("apiKey: <redacted>") }
        if !headers.isEmpty { parts.append("headers: \(headers.map(\.name))") }
        return "ConnectionConfig(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }
}
