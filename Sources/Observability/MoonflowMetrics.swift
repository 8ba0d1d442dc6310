import CoreMetrics
import Prometheus
import Synchronization

/// The daemon's metrics: a swift-prometheus registry whose families are
/// the `MetricCatalog`'s, plus collectors that refresh gauges read from
/// elsewhere (cache sizes, slots) right before each scrape.
public final class MoonflowMetrics: Sendable {
    /// Where every time series lives; `render()` exports it.
    public let registry: PrometheusCollectorRegistry
    private let collectors = Mutex<[@Sendable () async -> Void]>([])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// A swift-metrics factory over the same registry, so metrics recorded
    /// through the swift-metrics API (by a library, say) are exported too.
    public var factory: PrometheusMetricsFactory { PrometheusMetricsFactory(registry: registry) }

    /// Makes `factory` the process's swift-metrics backend. Call at most
    /// once per process (swift-metrics traps on a second bootstrap).
    public func bootstrapSwiftMetrics() {
        MetricsSystem.bootstrap(factory)
    }

    /// The counter of `definition` with these labels (created on first use).
    public func counter(_ definition: MetricDefinition, _ labels: [(String, String)]) -> Prometheus.Counter {
        precondition(definition.kind == .counter, "\(definition.name) is a \(definition.kind)")
        return registry.makeCounter(descriptor: Self.descriptor(definition), labels: labels)
    }

    /// The gauge of `definition` with these labels (created on first use).
    public func gauge(_ definition: MetricDefinition, _ labels: [(String, String)]) -> Prometheus.Gauge {
        precondition(definition.kind == .gauge, "\(definition.name) is a \(definition.kind)")
        return registry.makeGauge(descriptor: Self.descriptor(definition), labels: labels)
    }

    /// The histogram of `definition` with these labels (created on first use).
    public func histogram(_ definition: MetricDefinition, _ labels: [(String, String)]) -> DurationHistogram {
        precondition(definition.kind == .histogram, "\(definition.name) is a \(definition.kind)")
        let buckets = definition.buckets.map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) }
        return registry.makeDurationHistogram(descriptor: Self.descriptor(definition), labels: labels,
                                              buckets: buckets)
    }

    /// Adds a closure run before every `render()`, to set gauges whose
    /// value lives elsewhere. It should be quick: a scrape waits for it.
    public func addCollector(_ collector: @escaping @Sendable () async -> Void) {
        collectors.withLock { $0.append(collector) }
    }

    /// Runs the collectors, then the Prometheus text exposition (0.0.4).
    public func render() async -> [UInt8] {
        let pending = collectors.withLock { $0 }
        for collect in pending { await collect() }
        return registry.emitToBuffer()
    }

    private static func descriptor(_ definition: MetricDefinition) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: definition.name, unitName: "", helpText: definition.help)
    }
}
