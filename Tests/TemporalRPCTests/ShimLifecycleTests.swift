import CGrpcShim
import Synchronization
import TestSupport
import XCTest

/// Exercises the C shim's call reference counting directly: the handle may
/// be released before or after the completion, and cancel is harmless after
/// completion.
final class ShimLifecycleTests: XCTestCase {
    /// Counts completions delivered through the C callback.
    private final class Counter: Sendable {
        let statuses = Mutex<[Int32]>([])
    }

    private static let record: mfg_done_fn = { ctx, res in
        let counter = Unmanaged<Counter>.fromOpaque(ctx!).takeRetainedValue()
        counter.statuses.withLock { $0.append(res!.pointee.status) }
    }

    private func startDescribe(_ channel: OpaquePointer, _ counter: Counter) -> OpaquePointer? {
        let request = RawProto.describeNamespace("default")
        let ctx = Unmanaged.passRetained(counter).toOpaque()
        var call: OpaquePointer?
        let rc = request.withUnsafeBufferPointer {
            mfg_call_start(channel, Paths.describeNamespace, $0.baseAddress, $0.count, nil, 0, 5000, ctx,
                           Self.record, &call)
        }
        XCTAssertEqual(rc, Int32(MFG_OK.rawValue))
        return call
    }

    private func waitFor(_ counter: Counter, count: Int) async throws {
        for _ in 0..<500 where counter.statuses.withLock({ $0.count }) < count {
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertEqual(counter.statuses.withLock { $0.count }, count)
    }

    func testReleaseBeforeAndAfterCompletion() async throws {
        let server = try await DevServer.shared()
        var options = mfg_channel_options()
        var channel: OpaquePointer?
        let rc = server.address.withCString { target in
            options.target = target
            return mfg_channel_create(&options, &channel)
        }
        XCTAssertEqual(rc, Int32(MFG_OK.rawValue))
        let counter = Counter()

        // Released immediately: the completion still arrives and frees the call.
        let early = startDescribe(channel!, counter)
        mfg_call_release(early)

        // Released after completion, with a cancel in between that must be a no-op.
        let late = startDescribe(channel!, counter)
        try await waitFor(counter, count: 2)
        mfg_call_cancel(late)
        mfg_call_release(late)

        // The channel can go while a call is still in flight.
        let inflight = startDescribe(channel!, counter)
        mfg_channel_destroy(channel)
        try await waitFor(counter, count: 3)
        mfg_call_release(inflight)

        XCTAssertEqual(counter.statuses.withLock { $0 }, [0, 0, 0])
    }

    func testInvalidArgumentsAreRejected() {
        var channel: OpaquePointer?
        var options = mfg_channel_options()
        XCTAssertEqual(mfg_channel_create(&options, &channel), Int32(MFG_E_INVALID_ARGUMENT.rawValue))
        XCTAssertNil(channel)
        var call: OpaquePointer?
        XCTAssertEqual(mfg_call_start(nil, "/x/y", nil, 0, nil, 0, 0, nil, nil, &call),
                       Int32(MFG_E_INVALID_ARGUMENT.rawValue))
        XCTAssertNil(call)
        XCTAssertEqual(String(cString: mfg_rc_message(Int32(MFG_E_INVALID_ARGUMENT.rawValue))), "invalid argument")
    }
}
