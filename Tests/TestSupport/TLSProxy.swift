import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TLS-terminating TCP proxy (Python `ssl`, ALPN `h2`) in front of a
/// plaintext server, for testing TLS and mTLS clients, with a throw-away
/// ``TestPKI``.
public final class TLSProxy: Sendable {
    /// `127.0.0.1:<port>` of the TLS listener.
    public let address: String
    /// PEM of the CA that signed both certificates.
    public let caPEM: [UInt8]
    /// PEM of the client certificate and its private key (for mTLS).
    public let clientCertPEM: [UInt8]
    public let clientKeyPEM: [UInt8]
    /// The DNS name in the server certificate.
    public let serverName = TestPKI.serverName
    private let pid: pid_t

    /// Starts a proxy forwarding to `127.0.0.1:upstreamPort`. With
    /// `requireClientCert`, handshakes without a CA-signed client cert fail.
    public init(upstreamPort: Int, requireClientCert: Bool = false) throws {
        let pki = try TestPKI(label: "tls")
        let dir = pki.dir
        caPEM = pki.caPEM
        clientCertPEM = pki.clientCertPEM
        clientKeyPEM = pki.clientKeyPEM
        let script = dir + "/proxy.py"
        try Self.proxyScript.write(toFile: script, atomically: true, encoding: .utf8)

        let portFile = dir + "/port"
        pid = try DevServerProcess.spawn(
            "/usr/bin/env",
            ["python3", script, pki.serverCertFile, pki.serverKeyFile, pki.caFile,
             requireClientCert ? "1" : "0", String(upstreamPort), portFile],
            logFile: dir + "/proxy.log")
        DevServerProcess.registerForExit(pid)
        var port: Int?
        for _ in 0..<200 {
            if let data = FileManager.default.contents(atPath: portFile),
               let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") {
                port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
                break
            }
            guard DevServerProcess.isRunning(pid) else { break }
            usleep(25_000)
        }
        guard let port else {
            DevServerProcess.terminate(pid)
            let log = FileManager.default.contents(atPath: dir + "/proxy.log").map { String(decoding: $0, as: UTF8.self) }
            throw DevServerError("TLS proxy did not start: \(log ?? "(no log)")")
        }
        address = "127.0.0.1:\(port)"
    }

    deinit { DevServerProcess.terminate(pid) }

    private static let proxyScript = """
        import asyncio, os, ssl, sys
        cert, key, ca, require, upstream, port_file = sys.argv[1:7]
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        ctx.set_alpn_protocols(["h2"])
        if require == "1":
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(ca)

        async def pipe(r, w):
            try:
                while True:
                    data = await r.read(65536)
                    if not data:
                        break
                    w.write(data)
                    await w.drain()
            except Exception:
                pass
            finally:
                try:
                    w.close()
                except Exception:
                    pass

        async def handle(cr, cw):
            try:
                ur, uw = await asyncio.open_connection("127.0.0.1", int(upstream))
            except Exception:
                cw.close()
                return
            await asyncio.gather(pipe(cr, uw), pipe(ur, cw))

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=ctx)
            with open(port_file + ".tmp", "w") as f:
                f.write("%d\\n" % server.sockets[0].getsockname()[1])
            os.rename(port_file + ".tmp", port_file)
            async with server:
                await server.serve_forever()

        asyncio.run(main())
        """
}
