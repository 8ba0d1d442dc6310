import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on one thread, for scrapes and health probes.
///
/// One connection at a time: read a request head of at most
/// `maxRequestBytes` within `requestTimeout`, answer through `handler`,
/// close. No keep-alive, no bodies, no TLS. `stop()` ends the thread.
public final class HTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    /// The address actually bound (the real port when 0 was asked for).
    public let address: ListenAddress
    public static let maxRequestBytes = 8192
    public static let requestTimeout: Duration = .seconds(5)
    /// How long one answer may take before the client gets a 503.
    public static let handlerTimeout: Duration = .seconds(10)

    private let socket: Int32
    private let handler: Handler
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    private init(socket: Int32, address: ListenAddress, handler: @escaping Handler) {
        self.socket = socket
        self.address = address
        self.handler = handler
    }

    /// Binds `address`, listens, and serves on a new thread. Throws an
    /// `ObservabilityError` naming the address when it cannot listen.
    public static func start(_ address: ListenAddress, handler: @escaping Handler) throws -> HTTPServer {
        let fd = try SocketIO.listen(address)
        let bound = ListenAddress(host: address.host, port: SocketIO.localPort(fd) ?? address.port)
        let server = HTTPServer(socket: fd, address: bound, handler: handler)
        do {
            try startThread {
                nameThisThread("moonflow-http")
                server.acceptLoop()
            }
        } catch {
            close(fd)
            throw error
        }
        return server
    }

    /// Stops accepting, waits for the current request (bounded by the
    /// timeouts) and closes the socket. Idempotent.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    /// Runs `body` on a new detached thread (a plain pthread: Foundation's
    /// `Thread` is not in FoundationEssentials).
    private static func startThread(_ body: @escaping @Sendable () -> Void) throws {
        final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            throw ObservabilityError("cannot start the HTTP server's thread (pthread_create: \(rc))")
        }
        pthread_detach(thread)
    }

    /// Names the calling thread (as `ps -L` and /proc show it; at most 15
    /// bytes). Best effort.
    private static func nameThisThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        _ = Array(name.utf8.prefix(15)).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    private func acceptLoop() {
        defer {
            close(socket)
            finished.signal()
        }
        while !stopping.load(ordering: .acquiring) {
            var pfd = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            serve(client)
            close(client)
        }
    }

    /// Reads one request head and writes one response.
    private func serve(_ client: Int32) {
        SocketIO.setTimeouts(client, seconds: 1)
        let response: HTTPResponse
        var headOnly = false
        switch SocketIO.readHead(client, limit: Self.maxRequestBytes, deadline: .now + Self.requestTimeout) {
        case .closed:
            return
        case .timedOut:
            response = .text(408, "request timeout")
        case .tooLarge:
            response = .text(431, "request head over \(Self.maxRequestBytes) bytes")
        case .head(let bytes):
            switch HTTPRequest.parse(bytes) {
            case .request(let request):
                headOnly = request.method == "HEAD"
                response = answer(request)
            case .invalid, .incomplete:
                response = .text(400, "bad request")
            }
        }
        SocketIO.writeAll(client, response.serialized(headOnly: headOnly))
    }

    /// Runs the async handler from this (non-pool) thread, bounded in time.
    private func answer(_ request: HTTPRequest) -> HTTPResponse {
        let result = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            let response = await handler(request)
            result.value.withLock { $0 = response }
            done.signal()
        }
        let nanos = Self.handlerTimeout.components.seconds * 1_000_000_000
        guard done.wait(timeout: .now() + .nanoseconds(Int(nanos))) == .success else {
            return .text(503, "timed out")
        }
        return result.value.withLock { $0 } ?? .text(500, "no response")
    }
}

/// Carries the handler's answer from its task to the server thread.
private final class ResponseBox: Sendable {
    let value = Mutex<HTTPResponse?>(nil)
}
