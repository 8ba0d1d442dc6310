import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Process plumbing for `DevServer`: finding the CLI, free ports, spawning,
/// running a command with captured output, and killing at exit.
enum DevServerProcess {
    /// `TEMPORAL_CLI`, else the first `temporal` on `PATH`.
    static func findCLI() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["TEMPORAL_CLI"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw DevServerError("TEMPORAL_CLI=\(explicit) is not an executable file")
            }
            return explicit
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/temporal"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw DevServerError("""
            The `temporal` CLI was not found on PATH. These tests need a real Temporal dev server: \
            install the Temporal CLI (https://docs.temporal.io/cli) or set TEMPORAL_CLI to its path.
            """)
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DevServerError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var addr = loopback(port: 0)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw DevServerError("bind() failed: errno \(errno)") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = loopback(port: UInt16(port))
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    static func loopback(port: UInt16) -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return addr
    }

    /// Starts a background process with stdout+stderr appended to `logFile`.
    ///
    /// Uses `posix_spawn` with an empty signal mask and default dispositions:
    /// children spawned from Swift's worker threads (e.g. by `Process`)
    /// inherit a mask that blocks SIGTERM, so they could not be stopped
    /// gracefully.
    static func spawn(_ executable: String, _ arguments: [String], logFile: String) throws -> pid_t {
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
        posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, environ)
        guard rc == 0 else { throw DevServerError("posix_spawn \(executable) failed: errno \(rc)") }
        return pid
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command to completion (killing it after `timeout`).
    static func run(_ executable: String, _ arguments: [String], timeout: Duration,
                    directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let errFile = NSTemporaryDirectory() + "moonflow-cli-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).err"
        _ = FileManager.default.createFile(atPath: errFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let killer = Thread {
            Thread.sleep(forTimeInterval: Double(timeout.components.seconds))
            if isRunning(pid) { kill(pid, SIGKILL) }
        }
        killer.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = FileManager.default.contents(atPath: errFile) ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { return false }          // just reaped
        return kill(pid, 0) == 0 && r == 0
    }

    /// SIGTERM, wait up to 5 s, then SIGKILL.
    static func terminate(_ pid: pid_t) {
        guard pid > 0, kill(pid, 0) == 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid || kill(pid, 0) != 0 { return }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    private static let exitList = Mutex<[pid_t]>([])
    private static let installExitHook: Void = {
        atexit {
            for pid in DevServerProcess.exitList.withLock({ $0 }) { DevServerProcess.terminate(pid) }
        }
    }()

    /// Makes sure `pid` is terminated when this process exits normally.
    static func registerForExit(_ pid: pid_t) {
        _ = installExitHook
        exitList.withLock { $0.append(pid) }
    }
}
