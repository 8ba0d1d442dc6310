import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The daemon speaks the systemd notify protocol: READY=1 once it polls,
/// STOPPING=1 on SIGTERM, and WATCHDOG=1 keep-alives when asked for.
final class SystemdNotifyTests: IntegrationTestCase {
    func testReadyWatchdogAndStoppingReachTheNotifySocket() async throws {
        let server = try await devServer()
        let queue = unique("notify")
        let registry = try TestRegistry(label: "notify")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
          - name: wf
            kind: workflow.lua
            source: "return function() end"
            meta: {temporal: {workflow: {worker: worker}}}
        """))
        let path = NSTemporaryDirectory() + "mf-notify-it-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = try DatagramListener(path: path)
        let daemon = try await startDaemon(registry, label: "notify",
                                           environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"])
        var seen: [String] = []
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while clock.now < deadline, !(seen.contains { $0.hasPrefix("READY=1") } && seen.contains("WATCHDOG=1")) {
            if let message = listener.receive() { seen.append(message) }
        }
        XCTAssertTrue(seen.contains { $0.hasPrefix("READY=1") && $0.contains("STATUS=") }, "\(seen)")
        XCTAssertTrue(seen.contains("WATCHDOG=1"), "\(seen)")
        try await stopCleanly(daemon)
        var stopping = false
        while let message = listener.receive() {
            if message.hasPrefix("STOPPING=1") { stopping = true; break }
        }
        XCTAssertTrue(stopping, "no STOPPING=1 after SIGTERM; got \(seen)")
    }
}

/// A bound AF_UNIX datagram socket standing in for systemd.
final class DatagramListener {
    let fd: Int32
    let path: String
    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.path = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard rc == 0 else { throw NSError(domain: "bind \(path)", code: Int(errno)) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
    /// One datagram, or nil after a 1 s timeout.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
    }
    deinit {
        close(fd)
        unlink(path)
    }
}
