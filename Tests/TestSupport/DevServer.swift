import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `temporal server start-dev` process for tests: in-memory, headless
/// (unless started with `webUI: true`), bound to 127.0.0.1 on a free port.
///
/// Use `DevServer.shared()` to get one server per test process; it is
/// stopped when the process exits. If the `temporal` CLI cannot be found
/// (set `TEMPORAL_CLI` to override the lookup), starting throws a
/// `DevServerError` with a clear message, which fails the calling test.
public final class DevServer: Sendable {
    /// `127.0.0.1:<port>`, the frontend gRPC address.
    public let address: String
    /// The frontend gRPC port.
    public let port: Int
    /// The `temporal` executable used.
    public let executable: String
    /// The file the server's stdout and stderr go to.
    public let logFile: String
    /// The Web UI's port on 127.0.0.1, nil for a headless server.
    public let uiPort: Int?
    private let pid: pid_t

    private init(address: String, port: Int, executable: String, logFile: String, uiPort: Int?, pid: pid_t) {
        self.address = address
        self.port = port
        self.executable = executable
        self.logFile = logFile
        self.uiPort = uiPort
        self.pid = pid
    }

    /// `http://127.0.0.1:<uiPort>`, nil for a headless server.
    public var uiURL: String? { uiPort.map { "http://127.0.0.1:\($0)" } }

    /// The process-wide server, started on first use. A failure to start is
    /// remembered, so every test using it fails with the same message.
    public static func shared() async throws -> DevServer {
        try await SharedDevServer.instance.get()
    }

    /// Starts a new server and waits until it answers `cluster health`
    /// (and, with `webUI`, until its Web UI accepts connections on
    /// `uiPort`, a second free port; the UI's news feed is off, so it makes
    /// no outside requests).
    public static func start(webUI: Bool = false, timeout: Duration = .seconds(60)) async throws -> DevServer {
        let executable = try DevServerProcess.findCLI()
        let port = try DevServerProcess.freePort()
        let logFile = NSTemporaryDirectory() + "moonflow-devserver-\(getpid())-\(port).log"
        var args = ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(port),
                    "--log-level", "error",
                    "--dynamic-config-value", "history.timerProcessorMaxTimeShift=\"10ms\""]
        var uiPort: Int?
        if webUI {
            var candidate = try DevServerProcess.freePort()
            while candidate == port { candidate = try DevServerProcess.freePort() }
            uiPort = candidate
            args += ["--ui-port", String(candidate), "--ui-disable-news-fetch"]
        } else {
            args.append("--headless")
        }
        let pid = try DevServerProcess.spawn(executable, args, logFile: logFile)
        DevServerProcess.registerForExit(pid)
        let server = DevServer(address: "127.0.0.1:\(port)", port: port, executable: executable,
                               logFile: logFile, uiPort: uiPort, pid: pid)
        do {
            try await server.waitUntilReady(timeout: timeout)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    /// Stops the server: SIGTERM, then SIGKILL after 5 s. Idempotent.
    public func stop() {
        DevServerProcess.terminate(pid)
    }

    /// Runs `temporal <arguments> --address <address>` and returns its
    /// standard output. Throws if it exits non-zero (the error has stderr).
    @discardableResult
    public func cli(_ arguments: [String], timeout: Duration = .seconds(30)) throws -> String {
        let result = try DevServerProcess.run(executable, arguments + ["--address", address], timeout: timeout)
        guard result.status == 0 else {
            throw DevServerError("`temporal \(arguments.joined(separator: " "))` exited \(result.status): "
                                 + result.stderr)
        }
        return result.stdout
    }

    private func waitUntilReady(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard DevServerProcess.isRunning(pid) else {
                throw DevServerError("temporal dev server exited during startup; log:\n" + logTail())
            }
            if DevServerProcess.canConnect(port: port), uiPort.map(DevServerProcess.canConnect(port:)) ?? true,
               let health = try? DevServerProcess.run(
                   executable, ["operator", "cluster", "health", "--address", address], timeout: .seconds(10)),
               health.status == 0 {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let ui = uiPort.map { " (Web UI on port \($0))" } ?? ""
        throw DevServerError("temporal dev server on \(address)\(ui) not ready after \(timeout); log:\n" + logTail())
    }

    /// The last few KiB of the server log, for failure messages.
    public func logTail() -> String {
        guard let data = FileManager.default.contents(atPath: logFile) else { return "(no log)" }
        return String(decoding: data.suffix(4096), as: UTF8.self)
    }
}

/// Why the dev server could not be used.
public struct DevServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Holds the process-wide server (or its start failure).
private actor SharedDevServer {
    static let instance = SharedDevServer()
    private var starting: Task<DevServer, Error>?

    func get() async throws -> DevServer {
        if let starting { return try await starting.value }
        let task = Task { try await DevServer.start() }
        starting = task
        return try await task.value
    }
}
