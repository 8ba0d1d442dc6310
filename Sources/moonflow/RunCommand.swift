import ArgumentParser
import Logging
import Observability
import Registry
import Worker

/// `moonflow run --registry DIR`: runs every auto-started worker until
/// SIGTERM/SIGINT, then drains and exits 0.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the workers of a registry until SIGTERM or SIGINT.")

    @Option(name: .long, help: "The registry directory (default /etc/moonflow).")
    var registry: String = "/etc/moonflow"

    @Option(name: .long, help: ArgumentHelp(
        "Log level: trace, debug, info, notice, warning, error, critical (default: MOONFLOW_LOG_LEVEL, else each temporal.worker's log_level, else info).",
        valueName: "level"))
    var logLevel: String?

    @Option(name: .long, help: "Seconds in-flight tasks may take to finish after SIGTERM.")
    var gracePeriod: Int = 30

    @Option(name: .long, help: ArgumentHelp(
        "Serve Prometheus /metrics and /healthz on HOST:PORT, e.g. 127.0.0.1:9464 (default: MOONFLOW_METRICS_ADDRESS; off when neither is set).",
        valueName: "host:port"))
    var metricsAddress: String?

    func run() async throws {
        let forcedLevel: Logger.Level?
        do {
            forcedLevel = try LogLevels.forced(flag: logLevel, environment: HostProcess.environment)
        } catch {
            FileHandleWriter.write("moonflow run: \(error)\n")
            throw ExitCode(1)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = forcedLevel ?? LogLevels.defaultLevel
            return handler
        }
        var logger = Logger(label: "moonflow")
        let loaded: Registry
        switch loadRegistryForRun(registry, logger: logger) {
        case .failure(let problems):
            printProblems(problems)
            throw ExitCode(1)
        case .success(let r):
            loaded = r
        }
        logger.logLevel = LogLevels.daemonLevel(loaded, forced: forcedLevel)
        let address: ListenAddress?
        do {
            address = try Telemetry.configuredAddress(flag: metricsAddress, environment: HostProcess.environment)
        } catch {
            FileHandleWriter.write("moonflow run: \(error)\n")
            throw ExitCode(1)
        }
        let telemetry = address.map { _ in Telemetry() }
        var server: HTTPServer?
        if let telemetry, let address {
            do {
                server = try telemetry.serve(on: address)
            } catch {
                FileHandleWriter.write("moonflow run: \(error)\n")
                throw ExitCode(1)
            }
            telemetry.metrics.bootstrapSwiftMetrics()
            logger.info("metrics listening", metadata: ["address": "\(server!.address)",
                                                        "endpoints": "/metrics /healthz"])
        }
        defer { server?.stop() }
        let daemon = try MoonflowDaemon(registry: loaded, logger: logger, gracePeriod: .seconds(gracePeriod),
                                        telemetry: telemetry, forcedLogLevel: forcedLevel)
        let signalLogger = logger
        let signals = ShutdownSignals { number in
            signalLogger.info("received a signal: shutting down", metadata: ["signal": "\(number)"])
            daemon.shutdown()
        }
        await daemon.run()
        withExtendedLifetime(signals) {}
    }
}
