/// Where the metrics server listens: `HOST:PORT` (`127.0.0.1:9464`,
/// `0.0.0.0:9464`, `[::1]:9464`, `localhost:9464`), or `:PORT` for every
/// IPv4 interface. Port 0 picks a free port (tests; the log says which).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; throws `ObservabilityError` naming what is wrong.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingSpaces()
        let hostPart: Substring
        let portPart: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"),
                  trimmed[trimmed.index(after: close)...].hasPrefix(":") else {
                throw ObservabilityError("metrics address '\(text)': expected [IPV6]:PORT")
            }
            hostPart = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            portPart = trimmed[trimmed.index(close, offsetBy: 2)...]
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ObservabilityError("metrics address '\(text)': expected HOST:PORT, e.g. 127.0.0.1:9464")
            }
            hostPart = trimmed[..<colon]
            portPart = trimmed[trimmed.index(after: colon)...]
            if hostPart.contains(":") {
                throw ObservabilityError("metrics address '\(text)': write an IPv6 host in brackets, [::1]:9464")
            }
        }
        guard let port = UInt16(portPart) else {
            throw ObservabilityError("metrics address '\(text)': the port must be a number from 0 to 65535")
        }
        self.init(host: hostPart.isEmpty ? "0.0.0.0" : String(hostPart), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A configuration or socket problem of the metrics endpoint.
public struct ObservabilityError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
