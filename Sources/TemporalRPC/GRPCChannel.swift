import CGrpcShim
import Handoff

/// One gRPC channel (an HTTP/2 connection pool to one target) plus the
/// per-call metadata of a `ConnectionConfig`.
///
/// `@unchecked Sendable`: the only stored state is immutable after `init`,
/// and the wrapped `grpc_channel` is documented thread-safe (calls may be
/// created on it from any thread concurrently). The shim pointer is owned
/// by this object alone and destroyed in `deinit`.
public final class GRPCChannel: @unchecked Sendable {
    /// The configuration this channel was created from.
    public let config: ConnectionConfig
    private let channel: OpaquePointer

    /// Creates the channel. Nothing is connected until the first call.
    public init(config: ConnectionConfig) throws(RPCError) {
        self.config = config
        // Sent with every call: handed to the shim once, which keeps them as
        // slices each call references (no per-call copies).
        let base = MetadataBlock(config.callMetadata)
        let useTLS = config.usesTLS
        let tls = config.tls
        var created: OpaquePointer?
        let rc: Int32 = withOptionalBytes(useTLS ? tls.serverCAPEM : nil) { ca, caLen in
            withOptionalBytes(useTLS ? tls.clientCertPEM : nil) { cert, certLen in
                withOptionalBytes(useTLS ? tls.clientKeyPEM : nil) { key, keyLen in
                    config.address.withCString { target in
                        ClientInfo.userAgent.withCString { agent in
                            withOptionalCString(useTLS ? tls.serverName : nil) { serverName in
                                var o = mfg_channel_options()
                                o.target = target
                                o.use_tls = useTLS ? 1 : 0
                                o.root_pem = ca
                                o.root_pem_len = caLen
                                o.client_cert_pem = cert
                                o.client_cert_pem_len = certLen
                                o.client_key_pem = key
                                o.client_key_pem_len = keyLen
                                o.server_name_override = serverName
                                o.insecure_skip_verify = config.skipsServerVerification ? 1 : 0
                                o.keepalive_time_ms = Int32(clamping: config.keepAliveTime.milliseconds)
                                o.keepalive_timeout_ms = Int32(clamping: config.keepAliveTimeout.milliseconds)
                                o.max_receive_message_bytes = Int32(clamping: config.maxReceiveMessageBytes)
                                o.connect_timeout_ms = Int32(clamping: config.connectTimeout.milliseconds)
                                o.primary_user_agent = agent
                                return base.withUnsafeEntries { entries, count in
                                    o.metadata = entries
                                    o.metadata_count = count
                                    return mfg_channel_create(&o, &created)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard rc == Int32(MFG_OK.rawValue), let created else {
            throw RPCError.fromShim(rc: rc, method: "CreateChannel")
        }
        PollerLoan.setPollerThreads(MFG_POLLER_THREADS)
        self.channel = created
    }

    deinit {
        mfg_channel_destroy(channel)
    }

    /// Performs one unary call.
    ///
    /// - Parameters:
    ///   - method: the full gRPC path, `/package.Service/Method`.
    ///   - request: the serialized request message.
    ///   - metadata: extra headers for this call, after the channel's own
    ///     (`client-name`, `client-version`, `temporal-namespace`, …).
    ///   - timeout: the call deadline, measured from now.
    /// - Returns: the serialized response (empty for an empty message).
    /// - Throws: `RPCError` with the gRPC status; `CANCELLED` when the calling
    ///   task is cancelled.
    public func unary(method: String, request: [UInt8], metadata: [(String, String)] = [],
                      timeout: Duration) async throws(RPCError) -> [UInt8] {
        let handle = CallHandle()
        let result: Result<[UInt8], RPCError> = await withTaskCancellationHandler {
            // Unsafe: the shim calls back exactly once for every started
            // call, and `start` resumes itself only when nothing started.
            let r: Result<[UInt8], RPCError> = await withUnsafeContinuation { continuation in
                start(method: method, request: request, metadata: metadata,
                      timeout: timeout, handle: handle, continuation: continuation)
            }
            handle.finish()
            return r
        } onCancel: {
            handle.cancel()
        }
        return try result.get()
    }

    private func start(method: String, request: [UInt8], metadata: [(String, String)], timeout: Duration,
                       handle: CallHandle,
                       continuation: UnsafeContinuation<Result<[UInt8], RPCError>, Never>) {
        if handle.isCancelled {
            continuation.resume(returning: .failure(
                RPCError(code: .cancelled, message: "cancelled before start", method: RPCError.shortName(of: method))))
            return
        }
        let box = Unmanaged.passRetained(CompletionBox(path: method, continuation: continuation))
        var call: OpaquePointer?
        let timeoutMs = max(1, timeout.milliseconds)
        let rc = withMetadata(metadata) { entries, count in
            request.withUnsafeBufferPointer { body in
                mfg_call_start(channel, method, body.baseAddress, body.count, entries, count, timeoutMs,
                               box.toOpaque(), completionCallback, &call)
            }
        }
        guard rc == Int32(MFG_OK.rawValue), let call else {
            box.release()
            continuation.resume(returning: .failure(RPCError.fromShim(rc: rc, method: RPCError.shortName(of: method))))
            return
        }
        handle.attach(call)
    }
}

/// Carries the continuation through the C callback's `void *ctx`.
private final class CompletionBox: @unchecked Sendable {
    // @unchecked: written once in init, read once on a poller thread.
    /// The full gRPC path; shortened only for an error.
    let path: String
    let continuation: UnsafeContinuation<Result<[UInt8], RPCError>, Never>
    init(path: String, continuation: UnsafeContinuation<Result<[UInt8], RPCError>, Never>) {
        self.path = path
        self.continuation = continuation
    }
}

/// Replies up to this size are handed over in a `HandoffZone`: the caller
/// decodes them on the gRPC thread. A bigger one (a long history page) is
/// decoded on the pool, so one decode never holds up every other reply.
private let handoffLimit = 64 << 10

/// Runs on one of the shim's poller threads: copy the result out and resume
/// (for a small reply in a poller's `HandoffZone`: the caller's next steps
/// may run here, and a Lua job they lead to may borrow the thread, see
/// `PollerLoan`).
private let completionCallback: mfg_done_fn = { ctx, res in
    guard let ctx, let res else { return }
    let box = Unmanaged<CompletionBox>.fromOpaque(ctx).takeRetainedValue()
    let r = res.pointee
    if r.status == 0 {
        let bytes = r.response_len > 0 && r.response != nil
            ? Array(UnsafeBufferPointer(start: r.response, count: r.response_len)) : []
        let resume = { box.continuation.resume(returning: .success(bytes)) }
        if bytes.count <= handoffLimit { HandoffZone.resuming(onPoller: true, resume) } else { resume() }
    } else {
        let details = r.details_len > 0 && r.details != nil
            ? String(decoding: UnsafeRawBufferPointer(start: r.details, count: r.details_len), as: UTF8.self)
            : ""
        let error = RPCError.fromStatus(r.status, details: details, method: RPCError.shortName(of: box.path))
        HandoffZone.resuming(onPoller: true) { box.continuation.resume(returning: .failure(error)) }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, saturating.
    var milliseconds: Int64 {
        let (s, atto) = components
        let (ms, overflow) = s.multipliedReportingOverflow(by: 1000)
        if overflow { return s < 0 ? Int64.min : Int64.max }
        let frac = (atto + 999_999_999_999_999) / 1_000_000_000_000_000
        return ms.addingReportingOverflow(frac).overflow ? Int64.max : ms + frac
    }
}

/// The call's own metadata as C entries (none for most calls: the
/// channel's metadata is already in the shim).
private func withMetadata<R>(_ metadata: [(String, String)], _ body: (UnsafePointer<mfg_metadata>?, Int) -> R) -> R {
    metadata.isEmpty ? body(nil, 0) : MetadataBlock(metadata).withUnsafeEntries(body)
}

private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafePointer<UInt8>?, Int) -> R) -> R {
    guard let bytes else { return body(nil, 0) }
    return bytes.withUnsafeBufferPointer { buf in
        // A non-nil pointer even for an empty array: "given but empty".
        buf.baseAddress.map { body($0, buf.count) } ?? [UInt8(0)].withUnsafeBufferPointer { body($0.baseAddress, 0) }
    }
}

private func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let s else { return body(nil) }
    return s.withCString { body($0) }
}
