#if canImport(Glibc)
import Glibc
#endif
import Registry

/// The systemd notify protocol (`sd_notify`), written here so no libsystemd
/// is needed: datagrams such as `READY=1`, `STOPPING=1`, `WATCHDOG=1` and
/// `STATUS=...` sent to the socket named by `NOTIFY_SOCKET` (a path, or an
/// abstract name starting with `@`). Without `NOTIFY_SOCKET` every call is a
/// no-op, so the daemon runs the same outside systemd.
public struct SystemdNotifier: Sendable {
    public let socketPath: String?
    /// Half of `WATCHDOG_USEC`: how often to send `WATCHDOG=1` (nil: no
    /// watchdog configured for this process).
    public let watchdogInterval: Duration?

    public init(environment: [String: String] = HostProcess.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        var interval: Duration?
        if let usec = environment["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0 {
            // WATCHDOG_PID, when set, names the process the watchdog is for.
            let pid = environment["WATCHDOG_PID"].flatMap(Int32.init)
            if pid == nil || pid == getpid() { interval = .microseconds(usec / 2) }
        }
        watchdogInterval = interval
    }

    /// Sends one state string, e.g. `"READY=1\nSTATUS=polling 3 queues"`.
    /// Returns false when there is no socket or the send failed.
    @discardableResult
    public func notify(_ state: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }   // abstract namespace
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let bytes = Array(state.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL), sa, length)
            }
        }
        return sent == bytes.count
    }
}
