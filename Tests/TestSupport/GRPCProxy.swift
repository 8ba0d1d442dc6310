import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx as a TLS-terminating gRPC proxy in front of a plaintext
/// gRPC server (the dev server), accepting only calls that carry
/// `authorization: Bearer <apiKey>`: others get a trailers-only gRPC answer
/// `UNAUTHENTICATED` without reaching the upstream. nginx speaks only TLS
/// (HTTP/2, certificate of a ``TestPKI``) on its port.
///
/// nginx runs as a child process of the test (root is not needed): one process
/// (`master_process off`, `daemon off`), with its config, pid, logs and temp
/// folders in the PKI's folder. The access log records each call's method,
/// whether its authorization matched and the HTTP status; never the header.
public final class GRPCProxy: Sendable {
    /// `127.0.0.1:<port>` of the TLS listener.
    public let address: String
    /// The certificates; `pki.caFile` verifies the proxy.
    public let pki: TestPKI
    /// The DNS name in the server certificate.
    public var serverName: String { TestPKI.serverName }
    private let pid: pid_t

    /// One call as the proxy saw it.
    public struct Call: Sendable, Equatable {
        /// The gRPC method, e.g. `PollWorkflowTaskQueue`.
        public var method: String
        /// Whether the call carried exactly `authorization: Bearer <apiKey>`.
        public var keyMatched: Bool
        /// The HTTP status nginx answered (200 when passed upstream, 204 for
        /// the trailers-only UNAUTHENTICATED answer).
        public var status: Int
    }

    /// Starts nginx forwarding to `127.0.0.1:upstreamPort`. The key may hold
    /// up to 200 letters, digits, `.`, `_` and `-`.
    public init(upstreamPort: Int, apiKey: String) throws {
        guard !apiKey.isEmpty, apiKey.count <= 200, apiKey.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw DevServerError("GRPCProxy: the API key may only hold up to 200 letters, digits, '.', '_' and '-'") }
        let nginx = try Self.findNginx()
        pki = try TestPKI(label: "grpc-proxy")
        let dir = pki.dir
        for sub in ["logs", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(sub)", withIntermediateDirectories: true)
        }
        var started: (pid: pid_t, port: Int)?
        var lastError = ""
        // A free port can be taken between finding it and nginx binding it:
        // try a few.
        for attempt in 1...3 {
            let port = try DevServerProcess.freePort()
            let config = "\(dir)/nginx-\(attempt).conf"
            try Self.config(dir: dir, port: port, upstreamPort: upstreamPort, apiKey: apiKey, pki: pki)
                .write(toFile: config, atomically: true, encoding: .utf8)
            let errorLog = "\(dir)/logs/error.log"
            let pid = try DevServerProcess.spawn(nginx, ["-p", dir + "/", "-c", config, "-e", errorLog],
                                                 logFile: "\(dir)/logs/nginx.out")
            DevServerProcess.registerForExit(pid)
            var ready = false
            for _ in 0..<400 {  // up to 10 s
                guard DevServerProcess.isRunning(pid) else { break }
                if DevServerProcess.canConnect(port: port) { ready = true; break }
                usleep(25_000)
            }
            if ready {
                started = (pid, port)
                break
            }
            DevServerProcess.terminate(pid)
            lastError = Self.read(errorLog) + Self.read("\(dir)/logs/nginx.out")
            if !lastError.contains("Address already in use") { break }
        }
        guard let started else { throw DevServerError("nginx gRPC proxy did not start: \(lastError)") }
        pid = started.pid
        address = "127.0.0.1:\(started.port)"
    }

    deinit { DevServerProcess.terminate(pid) }

    /// The calls nginx has finished so far, in order (a long poll is logged
    /// when it returns).
    public func calls() -> [Call] {
        Self.read(pki.dir + "/logs/access.log").split(separator: "\n").compactMap { line in
            // "<uri> key=<yes|no> status=<code>"
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[1].hasPrefix("key="), parts[2].hasPrefix("status="),
                  let status = Int(parts[2].dropFirst("status=".count)) else { return nil }
            return Call(method: String(parts[0].split(separator: "/").last ?? ""),
                        keyMatched: parts[1] == "key=yes", status: status)
        }
    }

    /// nginx's error log and output, for failure messages.
    public func describe() -> String {
        "nginx gRPC proxy \(address) (\(pki.dir)):\n" + Self.read(pki.dir + "/logs/error.log")
    }

    private static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func findNginx() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in ["/usr/sbin"] + path.split(separator: ":").map(String.init) {
            if FileManager.default.isExecutableFile(atPath: dir + "/nginx") { return dir + "/nginx" }
        }
        throw DevServerError("nginx was not found (/usr/sbin/nginx or PATH): run scripts/install-deps.sh"
                             + " (apt-get install nginx)")
    }

    /// The whole configuration. Calls whose authorization is not exactly the
    /// bearer key get HTTP 204 with `grpc-status: 16` (gRPC's
    /// trailers-only form of UNAUTHENTICATED); the rest go to the upstream
    /// over plaintext HTTP/2. Long polls may take 70 s, hence the timeouts.
    private static func config(dir: String, port: Int, upstreamPort: Int, apiKey: String, pki: TestPKI) -> String {
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(dir)/nginx.pid;
        error_log \(dir)/logs/error.log notice;
        events { worker_connections 256; }
        http {
            client_body_temp_path \(dir)/tmp/body;
            proxy_temp_path \(dir)/tmp/proxy;
            fastcgi_temp_path \(dir)/tmp/fastcgi;
            uwsgi_temp_path \(dir)/tmp/uwsgi;
            scgi_temp_path \(dir)/tmp/scgi;
            map_hash_bucket_size 256;
            map $http_authorization $moonflow_key_ok {
                default no;
                "Bearer \(apiKey)" yes;
            }
            log_format calls '$request_uri key=$moonflow_key_ok status=$status';
            server {
                listen 127.0.0.1:\(port) ssl http2;
                ssl_certificate \(pki.serverCertFile);
                ssl_certificate_key \(pki.serverKeyFile);
                access_log \(dir)/logs/access.log calls;
                client_max_body_size 0;
                location / {
                    if ($moonflow_key_ok = no) {
                        add_header content-type application/grpc always;
                        add_header grpc-status 16 always;
                        add_header grpc-message "missing or wrong API key (test proxy)" always;
                        return 204;
                    }
                    grpc_pass grpc://127.0.0.1:\(upstreamPort);
                    grpc_read_timeout 300s;
                    grpc_send_timeout 300s;
                }
            }
        }
        """
    }
}
