import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import Worker

/// The sd_notify protocol against a real datagram socket.
final class SystemdNotifierTests: XCTestCase {
    /// A bound AF_UNIX datagram socket standing in for systemd.
    final class Listener {
        let fd: Int32
        let path: String
        init(path: String, abstract: Bool = false) throws {
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            self.path = path
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            var bytes = Array(path.utf8)
            if abstract { bytes[0] = 0 }
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
            let rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            guard rc == 0 else { throw NSError(domain: "bind", code: Int(errno)) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
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

    func testSendsStateToPathSocket() throws {
        let path = NSTemporaryDirectory() + "mf-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = try Listener(path: path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        XCTAssertTrue(notifier.notify("READY=1\nSTATUS=polling"))
        XCTAssertEqual(listener.receive(), "READY=1\nSTATUS=polling")
        XCTAssertTrue(notifier.notify("STOPPING=1"))
        XCTAssertEqual(listener.receive(), "STOPPING=1")
    }

    func testSendsToAbstractSocket() throws {
        let name = "@mf-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let listener = try Listener(path: name, abstract: true)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        XCTAssertTrue(notifier.notify("WATCHDOG=1"))
        XCTAssertEqual(listener.receive(), "WATCHDOG=1")
    }

    func testWithoutSocketNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        XCTAssertFalse(notifier.notify("READY=1"))
        XCTAssertNil(notifier.watchdogInterval)
    }

    func testWatchdogIntervalIsHalfOfWatchdogUsecForThisProcess() {
        let mine = SystemdNotifier(environment: ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(getpid())"])
        XCTAssertEqual(mine.watchdogInterval, .seconds(10))
        let other = SystemdNotifier(environment: ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "1"])
        XCTAssertNil(other.watchdogInterval)
    }
}
