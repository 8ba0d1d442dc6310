/// How Moonflow identifies itself to the Temporal server.
public enum ClientInfo {
    /// Sent as the `client-name` header. The server only version-checks
    /// names it knows, so this one is accepted as is.
    public static let name = "moonflow"
    /// Sent as the `client-version` header and in the user agent.
    public static let version = "0.1.0"
    /// The HTTP/2 user agent prefix (grpc appends its own).
    public static var userAgent: String { "\(name)/\(version)" }
}
