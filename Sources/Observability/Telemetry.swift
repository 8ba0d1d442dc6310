
/// The daemon's metrics and health together, and the endpoint serving
/// them: `GET /metrics` (Prometheus text) and `GET /healthz` (JSON).
public final class Telemetry: Sendable {
    public let metrics: MoonflowMetrics
    public let health: HealthState

    public init(metrics: MoonflowMetrics = MoonflowMetrics(), health: HealthState = HealthState()) {
        self.metrics = metrics
        self.health = health
    }

    /// What one worker records into these metrics.
    public func worker(namespace: String, taskQueue: String) -> WorkerMetrics {
        WorkerMetrics(metrics: metrics, namespace: namespace, taskQueue: taskQueue)
    }

    /// Starts the HTTP endpoint on `address`.
    public func serve(on address: ListenAddress) throws -> HTTPServer {
        try HTTPServer.start(address, handler: Self.routes(metrics: metrics, health: health))
    }

    /// `/metrics` and `/healthz` for GET and HEAD; 404 and 405 otherwise.
    public static func routes(metrics: MoonflowMetrics, health: HealthState) -> HTTPServer.Handler {
        { request in
            guard request.method == "GET" || request.method == "HEAD" else {
                return HTTPResponse(status: 405, body: Array("only GET and HEAD\n".utf8),
                                    extraHeaders: [("Allow", "GET, HEAD")])
            }
            switch request.path {
            case "/metrics":
                return HTTPResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                                    body: await metrics.render())
            case "/healthz":
                let report = health.report()
                return HTTPResponse(status: report.healthy ? 200 : 503, contentType: "application/json",
                                    body: report.body)
            default:
                return .text(404, "not found: try /metrics or /healthz")
            }
        }
    }

    /// The address from `--metrics-address`, else `MOONFLOW_METRICS_ADDRESS`,
    /// else nil (metrics off). An empty value also means off.
    public static func configuredAddress(flag: String?, environment: [String: String]) throws -> ListenAddress? {
        let raw = flag ?? environment["MOONFLOW_METRICS_ADDRESS"]
        guard let raw, !raw.allSatisfy(\.isWhitespace) else { return nil }
        return try ListenAddress(parsing: raw)
    }
}
