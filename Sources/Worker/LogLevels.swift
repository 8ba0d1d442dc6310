import Logging
import Registry

/// Where `moonflow run` takes its log levels from, first match wins:
/// `--log-level`, then `MOONFLOW_LOG_LEVEL`, then each worker's `log_level`
/// in the registry, then `info`.
///
/// The flag and the variable set one level for everything. Without them
/// each worker logs at its own `log_level`, and the daemon's own lines
/// (start, clients, shutdown) at the most verbose level of its auto-started
/// workers, so a registry whose workers all say `warning` is quiet.
public enum LogLevels {
    /// The variable read when `--log-level` is not given.
    public static let environmentVariable = "MOONFLOW_LOG_LEVEL"
    /// The level when nothing is configured.
    public static let defaultLevel: Logger.Level = .info

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The level forced by the flag or the environment (an empty variable
    /// counts as unset), or `nil` when neither is given.
    public static func forced(flag: String?, environment: [String: String]) throws(Problem) -> Logger.Level? {
        if let flag { return try parse(flag, source: "--log-level") }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try parse(value, source: environmentVariable)
        }
        return nil
    }

    /// The level of one worker's log lines.
    public static func level(of worker: WorkerEntry, forced: Logger.Level?) -> Logger.Level {
        forced ?? worker.logLevel.map(level(_:)) ?? defaultLevel
    }

    /// The level of the daemon's own lines: the most verbose of the
    /// auto-started workers' levels (`info` when there are none).
    public static func daemonLevel(_ registry: Registry, forced: Logger.Level?) -> Logger.Level {
        if let forced { return forced }
        return registry.workers.values.filter(\.autoStart).map { level(of: $0, forced: nil) }.min() ?? defaultLevel
    }

    /// The swift-log level of a registry level.
    public static func level(_ level: LogLevel) -> Logger.Level {
        switch level {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    private static func parse(_ text: String, source: String) throws(Problem) -> Logger.Level {
        guard let level = LogLevel(rawValue: text) else {
            let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(description: "\(source) \"\(text)\" is not a log level (expected one of \(names))")
        }
        return self.level(level)
    }
}
