#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process and its host: environment, pid, host name, CPUs (what
/// Foundation's `ProcessInfo` gave, on POSIX calls; see README, "Memory").
public enum HostProcess {
    /// The environment variables (read each time: `${env:}` takes them at load).
    public static var environment: [String: String] {
        var variables: [String: String] = [:]
        var cursor = environ
        while let pointer = cursor.pointee {
            let entry = String(cString: pointer)
            if let equals = entry.firstIndex(of: "=") {
                let name = String(entry[..<equals])
                if variables[name] == nil {   // the first of duplicates wins, as getenv
                    variables[name] = String(entry[entry.index(after: equals)...])
                }
            }
            cursor += 1
        }
        return variables
    }

    public static var processIdentifier: Int32 { getpid() }

    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// CPUs this process may use (at least 1): those online, fewer when the
    /// CPU affinity mask (`Cpus_allowed` in /proc/self/status) or a cgroup v2
    /// quota (`cpu.max`, as in a container with a CPU limit) allows fewer.
    public static var processorCount: Int {
        var count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        if let status = FileSystem.read("/proc/self/status") {
            for line in String(decoding: status, as: UTF8.self).split(separator: "\n")
            where line.hasPrefix("Cpus_allowed:") {
                let mask = line.dropFirst("Cpus_allowed:".count).filter { $0 != "," && $0 != " " && $0 != "\t" }
                let allowed = mask.reduce(0) { $0 + (Int(String($1), radix: 16)?.nonzeroBitCount ?? 0) }
                if allowed > 0 { count = min(count, allowed) }
            }
        }
        if let quota = FileSystem.read("/sys/fs/cgroup/cpu.max") {
            let parts = String(decoding: quota, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
            if parts.count >= 2, let max = Double(parts[0]), let period = Double(parts[1]), period > 0 {
                count = Swift.min(count, Swift.max(1, Int((max / period).rounded(.up))))
            }
        }
        return count
    }
}
