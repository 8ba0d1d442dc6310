import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an integration test could not go on (a helper failed, a condition
/// never became true, a process misbehaved). Thrown errors fail the test
/// with this message.
struct IntegrationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Paths of the package under test.
enum Paths {
    /// The package root: `Tests/IntegrationTests/Support/<this file>` → three levels up.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // IntegrationTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // root

    static let pythonDir: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("python")

    /// The `moonflow` executable built with the tests: `MOONFLOW_BIN`, else
    /// next to the test binary (works for any `--scratch-path`), else
    /// `.build/debug/moonflow` in the package.
    static func moonflow() throws -> String {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["MOONFLOW_BIN"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else {
                throw IntegrationError("MOONFLOW_BIN=\(explicit) is not an executable file")
            }
            return explicit
        }
        var candidates: [String] = []
        // On Linux the test binary is `<scratch>/<config>/MoonflowPackageTests.xctest`;
        // on macOS it is inside `<...>.xctest/Contents/MacOS/`.
        var dirs: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            dirs.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
        }
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for dir in dirs {
            var d = dir
            for _ in 0..<4 {   // walk up out of a macOS bundle
                candidates.append(d.appendingPathComponent("moonflow").path)
                d = d.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/moonflow").path)
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: c) {
                return c
            }
        }
        throw IntegrationError("""
            The `moonflow` executable was not found (looked at: \(candidates.joined(separator: ", "))). \
            Build it with the tests: `swift build --build-tests` builds every product, or set MOONFLOW_BIN.
            """)
    }

    /// A fresh temporary directory for one test.
    static func tempDir(_ label: String) throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("moonflow-it-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Low-level process plumbing: `posix_spawn` with a clean signal mask (a
/// child spawned from a Swift worker thread would otherwise inherit blocked
/// signals and ignore SIGTERM), output to files, bounded waits.
enum Spawn {
    static func spawn(_ executable: String, _ arguments: [String], stdoutFile: String, stderrFile: String,
                      environment: [String: String] = [:]) throws -> pid_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attr, &allSignals)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if stderrFile == stdoutFile {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderrFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
        guard rc == 0 else { throw IntegrationError("posix_spawn \(executable) failed: errno \(rc)") }
        return pid
    }

    /// The exit status if `pid` has exited (reaping it), nil while it runs.
    /// Exit code for normal exits, 128+signal for signal deaths.
    static func poll(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        return decode(status)
    }

    static func decode(_ status: Int32) -> Int32 {
        let sig = status & 0x7f
        if sig == 0 { return (status >> 8) & 0xff }
        return 128 + sig
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var combined: String { "stdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs a command to completion; kills it and throws after `timeout`.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration,
                    environment: [String: String] = [:]) async throws -> Output {
        let base = NSTemporaryDirectory() + "moonflow-it-run-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let outFile = base + ".out", errFile = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outFile)
            try? FileManager.default.removeItem(atPath: errFile)
        }
        let pid = try spawn(executable, arguments, stdoutFile: outFile, stderrFile: errFile, environment: environment)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32?
        while status == nil {
            status = poll(pid)
            if status != nil { break }
            if clock.now > deadline {
                kill(pid, SIGKILL)
                var s: Int32 = 0
                waitpid(pid, &s, 0)
                let out = read(outFile), err = read(errFile)
                throw IntegrationError("`\(([executable] + arguments).joined(separator: " "))` did not finish within \(timeout); "
                                       + "stdout:\n\(out)\nstderr:\n\(err)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return Output(status: status!, stdout: read(outFile), stderr: read(errFile))
    }

    static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Polls `condition` until it returns a value or `timeout` passes; then
/// throws with `message()` (evaluated at failure time, so it can include
/// logs and the last observed state).
func eventually<T>(_ what: String, timeout: Duration, every interval: Duration = .milliseconds(200),
                   message: () -> String = { "" }, _ condition: () async throws -> T?) async throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var lastError: (any Error)?
    while true {
        do {
            if let value = try await condition() { return value }
            lastError = nil
        } catch let error as FatalCondition {
            throw IntegrationError("\(what): \(error.description)\n\(message())")
        } catch {
            lastError = error
        }
        if clock.now > deadline {
            let last = lastError.map { "\nlast error: \($0)" } ?? ""
            throw IntegrationError("timed out after \(timeout) waiting for: \(what)\(last)\n\(message())")
        }
        try await Task.sleep(for: interval)
    }
}

/// Thrown inside an `eventually` condition to stop waiting at once (e.g.
/// the daemon died).
struct FatalCondition: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
