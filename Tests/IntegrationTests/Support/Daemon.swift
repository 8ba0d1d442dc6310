import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `moonflow run --registry DIR` subprocess. Its stdout and stderr go to
/// `logFile`, which failure messages quote.
final class DaemonProcess: @unchecked Sendable {
    let pid: pid_t
    let logFile: String
    let registry: String
    private let lock = NSLock()
    private var exited: Int32?

    private init(pid: pid_t, logFile: String, registry: String) {
        self.pid = pid
        self.logFile = logFile
        self.registry = registry
    }

    /// Starts the daemon and waits (bounded) until its log says it polls, so
    /// a registry error or a crash at start fails here with the log.
    static func start(registry: URL, label: String, waitFor marker: String? = "polling",
                      environment: [String: String] = [:]) async throws -> DaemonProcess {
        let binary = try Paths.moonflow()
        let logFile = registry.deletingLastPathComponent()
            .appendingPathComponent("daemon-\(label)-\(UInt32.random(in: 0...UInt32.max)).log").path
        let pid = try Spawn.spawn(binary, ["run", "--registry", registry.path, "--grace-period", "10"],
                                  stdoutFile: logFile, stderrFile: logFile,
                                  environment: ["MOONFLOW_LOG_LEVEL": "info"].merging(environment) { $1 })
        let daemon = DaemonProcess(pid: pid, logFile: logFile, registry: registry.path)
        if let marker {
            _ = try await eventually("daemon \(label) to start polling", timeout: .seconds(20),
                                     message: { daemon.describe() }) { () -> Bool? in
                try daemon.ensureAlive()
                return daemon.log().contains(marker) ? true : nil
            }
        }
        return daemon
    }

    /// Exit status once the process has exited (reaps it), else nil.
    var exitStatus: Int32? {
        lock.lock(); defer { lock.unlock() }
        if exited == nil { exited = Spawn.poll(pid) }
        return exited
    }

    var isRunning: Bool { exitStatus == nil }

    /// Throws `FatalCondition` (which stops an `eventually`) if the daemon exited.
    func ensureAlive() throws {
        if let status = exitStatus {
            throw FatalCondition("moonflow daemon (pid \(pid)) exited unexpectedly with status \(status)")
        }
    }

    /// SIGTERM, then wait up to `timeout` for the exit; returns the exit
    /// status (128+signal for a signal death). If it does not exit, it is
    /// killed and this throws.
    func terminate(timeout: Duration = .seconds(15)) async throws -> Int32 {
        if let status = exitStatus { return status }
        kill(pid, SIGTERM)
        do {
            return try await eventually("daemon pid \(pid) to exit after SIGTERM", timeout: timeout,
                                        every: .milliseconds(50), message: { self.describe() }) { self.exitStatus }
        } catch {
            kill9()
            throw error
        }
    }

    /// SIGKILL and reap. Idempotent.
    func kill9() {
        lock.lock(); defer { lock.unlock() }
        guard exited == nil else { return }
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        if waitpid(pid, &raw, 0) == pid { exited = Spawn.decode(raw) } else { exited = 128 + SIGKILL }
    }

    /// The whole log.
    func log() -> String { Spawn.read(logFile) }

    /// Pid, state and the last part of the log, for failure messages.
    func describe() -> String {
        let tail = String(log().suffix(6000))
        let state = exitStatus.map { "exited \($0)" } ?? "running"
        return "moonflow daemon pid \(pid) (\(state)), registry \(registry), log \(logFile):\n\(tail)"
    }

    deinit {
        if exited == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
        }
    }
}

/// A registry directory written by a test.
struct TestRegistry {
    let dir: URL

    init(label: String) throws {
        dir = try Paths.tempDir(label).appendingPathComponent("registry")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ contents: String) throws {
        try contents.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// A registry file with namespace `it`, one client pointing at `address`
    /// and one worker `it:worker` on `queue`, followed by `entries` (YAML
    /// list items indented by two spaces).
    static func standardYAML(address: String, queue: String, entries: String) -> String {
        """
        version: "1.0"
        namespace: it
        entries:
          - name: client
            kind: temporal.client
            address: "\(address)"
            namespace: default

          - name: worker
            kind: temporal.worker
            client: client
            task_queue: "\(queue)"

        \(entries)
        """
    }
}
