import Foundation
import TestSupport
import XCTest

/// Base class: a shared real Temporal dev server, unique task queues, and
/// daemons that are always killed at the end of the test (a test that
/// passes stops them itself with SIGTERM and checks the exit status).
class IntegrationTestCase: XCTestCase {
    private let lock = NSLock()
    private var started: [DaemonProcess] = []

    func devServer() async throws -> DevServer {
        try await DevServer.shared()
    }

    func temporal() async throws -> TemporalCLI {
        TemporalCLI(try await devServer())
    }

    /// A task queue / workflow id no other test (or earlier run) uses.
    func unique(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Starts `moonflow run` on `registry`; it is SIGKILLed after the test
    /// if still running.
    func startDaemon(_ registry: TestRegistry, label: String, waitFor marker: String? = "polling",
                     environment: [String: String] = [:]) async throws -> DaemonProcess {
        let daemon = try await DaemonProcess.start(registry: registry.dir, label: label, waitFor: marker,
                                                   environment: environment)
        lock.withLock { started.append(daemon) }
        addTeardownBlock { daemon.kill9() }
        return daemon
    }

    /// SIGTERM and assert a clean exit (status 0) within `timeout`.
    func stopCleanly(_ daemon: DaemonProcess, timeout: Duration = .seconds(15),
                     file: StaticString = #filePath, line: UInt = #line) async throws {
        let status = try await daemon.terminate(timeout: timeout)
        XCTAssertEqual(status, 0, "moonflow did not exit 0 after SIGTERM\n\(daemon.describe())", file: file, line: line)
    }

    /// A fresh registry directory, removed after the test if it passed
    /// (kept with the daemon logs for a failed one).
    func makeRegistry(_ label: String) throws -> TestRegistry {
        let registry = try TestRegistry(label: label)
        let root = registry.dir.deletingLastPathComponent()
        addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.totalFailureCount == 0, run.unexpectedExceptionCount == 0 { try? FileManager.default.removeItem(at: root) }
        }
        return registry
    }

    /// Logs of every daemon this test started, for failure messages.
    func daemonLogs() -> String {
        lock.withLock { started.map { $0.describe() }.joined(separator: "\n----\n") }
    }
}
