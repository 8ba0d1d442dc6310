import TemporalModel

/// A `temporal.client` entry: a connection to a Temporal cluster.
public struct ClientEntry: Sendable, Hashable {
    /// Default `connection_timeout`: 10s.
    public static let defaultConnectionTimeout: Duration = .seconds(10)
    /// Default `keep_alive_time`: 30s.
    public static let defaultKeepAliveTime: Duration = .seconds(30)
    /// Default `keep_alive_timeout`: 10s.
    public static let defaultKeepAliveTimeout: Duration = .seconds(10)

    /// The entry id, `namespace:name`.
    public var id: String
    /// `host:port` of the frontend service.
    public var address: String
    /// The Temporal namespace (default `"default"`).
    public var namespace: String
    /// TLS settings (off by default, on with an API key or a client certificate).
    public var tls: TLSSettings
    /// How the client authenticates (default ``ClientAuth/none``).
    public var auth: ClientAuth
    /// How long to wait for the connection to come up (default 10s).
    public var connectionTimeout: Duration
    /// Interval between HTTP/2 keep-alive pings (default 30s).
    public var keepAliveTime: Duration
    /// How long to wait for a keep-alive answer (default 10s).
    public var keepAliveTimeout: Duration
    /// Prefixed to every task queue this client's workers poll (default `""`).
    public var tqPrefix: String
    /// The entry's merged meta.
    public var meta: JSONValue

    /// Creates a client entry; every field but `id` and `address` has its documented default.
    public init(
        id: String,
        address: String,
        namespace: String = "default",
        tls: TLSSettings = TLSSettings(),
        auth: ClientAuth = .none,
        connectionTimeout: Duration = ClientEntry.defaultConnectionTimeout,
        keepAliveTime: Duration = ClientEntry.defaultKeepAliveTime,
        keepAliveTimeout: Duration = ClientEntry.defaultKeepAliveTimeout,
        tqPrefix: String = "",
        meta: JSONValue = .object([:])
    ) {
        self.id = id
        self.address = address
        self.namespace = namespace
        self.tls = tls
        self.auth = auth
        self.connectionTimeout = connectionTimeout
        self.keepAliveTime = keepAliveTime
        self.keepAliveTimeout = keepAliveTimeout
        self.tqPrefix = tqPrefix
        self.meta = meta
    }
}

/// The `tls` block of a client.
public struct TLSSettings: Sendable, Hashable {
    /// Whether to use TLS: `true` when the block is given without `enabled`;
    /// `nil` without a block, which means off unless the client has an API
    /// key or a client certificate (then on, as Temporal Cloud requires).
    public var enabled: Bool?
    /// CA bundle to verify the server with (absolute path); system roots when `nil`.
    public var caFile: String?
    /// Server name to verify (SNI override).
    public var serverName: String?
    /// Skip server certificate verification (testing only).
    public var insecureSkipVerify: Bool

    /// Creates TLS settings; the defaults mean "no `tls` block".
    public init(enabled: Bool? = nil, caFile: String? = nil, serverName: String? = nil,
                insecureSkipVerify: Bool = false) {
        self.enabled = enabled
        self.caFile = caFile
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// How a client authenticates.
public enum ClientAuth: Sendable, Hashable {
    /// No authentication (`type: none`).
    case none
    /// An API key sent as a bearer token (`type: api_key`).
    case apiKey(SecretSource)
    /// Mutual TLS with a client certificate and key (`type: mtls`).
    case mtls(certificate: PEMSource, key: PEMSource)
}

/// Where an API key comes from. Files and variables are read when connecting.
public enum SecretSource: Sendable, Hashable {
    /// The key itself (`api_key`).
    case literal(String)
    /// A file holding the key, whitespace-trimmed when read (`api_key_file`, absolute path).
    case file(String)
    /// An environment variable holding the key (`api_key_env`).
    case environment(String)
}

/// Where a PEM certificate or key comes from.
public enum PEMSource: Sendable, Hashable {
    /// A PEM file (`cert_file` / `key_file`, absolute path).
    case file(String)
    /// Inline PEM text (`cert_pem` / `key_pem`).
    case pem(String)
}
