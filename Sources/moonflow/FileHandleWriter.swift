#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard error, unbuffered (write(2) until every byte is out).
enum FileHandleWriter {
    static func write(_ string: String) {
        var bytes = Array(string.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
