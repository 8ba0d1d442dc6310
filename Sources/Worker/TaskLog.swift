import Logging

/// The logger of one task. The task's fields (workflow id, run id, ...) are
/// added only to messages that are written: setting them on a `Logger` up
/// front makes the stream handler render its metadata at every change,
/// which cost about 3% of the daemon's CPU under load.
struct TaskLog {
    let logger: Logger
    let fields: [(String, String)]

    func debug(_ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        log(.debug, message(), metadata())
    }

    func info(_ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        log(.info, message(), metadata())
    }

    func warning(_ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        log(.warning, message(), metadata())
    }

    func error(_ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        log(.error, message(), metadata())
    }

    private func log(_ level: Logger.Level, _ message: @autoclosure () -> Logger.Message,
                     _ extra: @autoclosure () -> Logger.Metadata) {
        guard logger.logLevel <= level else { return }
        var metadata = extra()
        for (key, value) in fields where metadata[key] == nil { metadata[key] = .string(value) }
        logger.log(level: level, message(), metadata: metadata)
    }
}
