/// A parsed HTTP/1.x request head (the server ignores any body).
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// The path without the query string.
    public var path: String

    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    /// What the bytes read so far are.
    public enum Parse: Sendable, Hashable {
        /// The head has not ended yet (no empty line).
        case incomplete
        case request(HTTPRequest)
        /// Not an HTTP/1.x request line.
        case invalid
    }

    /// Parses the request head in `bytes` (up to the first `\r\n\r\n`).
    public static func parse(_ bytes: [UInt8]) -> Parse {
        guard let end = headEnd(bytes) else { return .incomplete }
        let lineEnd = bytes[..<end].firstIndex(of: UInt8(ascii: "\r")) ?? end
        guard let line = String(validating: bytes[..<lineEnd], as: UTF8.self) else { return .invalid }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }), parts[1].hasPrefix("/") else { return .invalid }
        let target = parts[1]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? target
        return .request(HTTPRequest(method: String(parts[0]), path: String(path)))
    }

    /// Index of the `\r\n\r\n` that ends the head, if present.
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }
}

/// An HTTP/1.1 response; the connection is always closed after it.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var extraHeaders: [(String, String)] {
        get { headerPairs.map { ($0.name, $0.value) } }
        set { headerPairs = newValue.map { Header(name: $0.0, value: $0.1) } }
    }
    private var headerPairs: [Header] = []
    private struct Header: Sendable, Hashable {
        var name: String
        var value: String
    }

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8],
                extraHeaders: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.extraHeaders = extraHeaders
    }

    /// A plain-text response: `text` plus a newline.
    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, body: Array((text + "\n").utf8))
    }

    /// Status line, headers and (unless `headOnly`, for HEAD) the body.
    public func serialized(headOnly: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for header in headerPairs { head += "\(header.name): \(header.value)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (headOnly ? [] : body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
