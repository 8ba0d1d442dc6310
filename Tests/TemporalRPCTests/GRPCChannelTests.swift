import Foundation
import TemporalRPC
import TestSupport
import XCTest

/// GRPCChannel against a real dev server, with hand-encoded requests.
final class GRPCChannelTests: XCTestCase {
    private func channel() async throws -> GRPCChannel {
        let server = try await DevServer.shared()
        return try GRPCChannel(config: ConnectionConfig(address: server.address, identity: "rpc-tests"))
    }

    /// The error of a DescribeNamespace call on `ch` that must fail (a
    /// test failure, and nil, when it succeeds).
    private func describeError(_ ch: GRPCChannel, _ namespace: String = "default", timeout: Duration,
                               file: StaticString = #filePath, line: UInt = #line) async -> RPCError? {
        do {
            _ = try await ch.unary(method: Paths.describeNamespace, request: RawProto.describeNamespace(namespace),
                                   timeout: timeout)
            XCTFail("expected the call to fail", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testDescribeDefaultNamespace() async throws {
        let ch = try await channel()
        let bytes = try await ch.unary(method: Paths.describeNamespace, request: RawProto.describeNamespace("default"),
                                       timeout: .seconds(10))
        XCTAssertFalse(bytes.isEmpty)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("default"))
    }

    func testDescribeMissingNamespaceIsNotFound() async throws {
        let ch = try await channel()
        let error = await describeError(ch, "nope", timeout: .seconds(10))
        XCTAssertEqual(error?.code, .notFound)
        XCTAssertEqual(error?.method, "DescribeNamespace")
        XCTAssertTrue(error?.message.contains("nope") == true, "\(String(describing: error))")
    }

    func testEmptyPollReturnsEmptyMessage() async throws {
        let ch = try await channel()
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = try await ch.unary(
            method: Paths.pollWorkflowTaskQueue,
            request: RawProto.pollWorkflowTaskQueue(namespace: "default", taskQueue: "empty-\(UInt32.random(in: 0...UInt32.max))",
                                                    identity: "rpc-tests"),
            timeout: .seconds(3))
        XCTAssertEqual(bytes, [])
        XCTAssertLessThan(clock.now - start, .seconds(3))
    }

    func testConcurrentPollsDoNotBlockEachOther() async throws {
        let ch = try await channel()
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for i in 0..<6 {
                group.addTask {
                    try await ch.unary(
                        method: Paths.pollWorkflowTaskQueue,
                        request: RawProto.pollWorkflowTaskQueue(namespace: "default", taskQueue: "conc-\(i)-\(UInt32.random(in: 0...UInt32.max))",
                                                                identity: "rpc-tests"),
                        timeout: .seconds(3))
                }
            }
            for try await bytes in group { XCTAssertEqual(bytes, []) }
        }
        // Six 2-second polls in parallel on a 2-thread pool: well under 2 waves.
        XCTAssertLessThan(clock.now - start, .milliseconds(3500))
    }

    func testCancellingLongPollReturnsCancelledQuickly() async throws {
        let ch = try await channel()
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task {
            try await ch.unary(
                method: Paths.pollWorkflowTaskQueue,
                request: RawProto.pollWorkflowTaskQueue(namespace: "default", taskQueue: "cancel-\(UInt32.random(in: 0...UInt32.max))",
                                                        identity: "rpc-tests"),
                timeout: .seconds(60))
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        let elapsed = clock.now - start
        switch result {
        case .success: XCTFail("expected CANCELLED")
        case .failure(let error):
            XCTAssertEqual((error as? RPCError)?.code, .cancelled, "\(error)")
        }
        XCTAssertLessThan(elapsed, .seconds(2))
    }

    func testCancelledBeforeStartFailsWithoutCalling() async throws {
        let ch = try await channel()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await ch.unary(method: Paths.describeNamespace, request: RawProto.describeNamespace("default"),
                                      timeout: .seconds(10))
        }
        let result = await task.result
        XCTAssertEqual((result.failure as? RPCError)?.code, .cancelled)
    }

    func testUnreachableAddressIsUnavailable() async throws {
        let ch = try GRPCChannel(config: ConnectionConfig(address: "127.0.0.1:1", identity: "rpc-tests"))
        let error = await describeError(ch, timeout: .seconds(5))
        XCTAssertEqual(error?.code, .unavailable, "\(String(describing: error))")
    }

    func testReplyOverTheLimitIsResourceExhausted() async throws {
        let server = try await DevServer.shared()
        let ch = try GRPCChannel(config: ConnectionConfig(address: server.address, identity: "rpc-tests",
                                                          maxReceiveMessageBytes: 64))
        let error = await describeError(ch, timeout: .seconds(10))
        XCTAssertEqual(error?.code, .resourceExhausted, "\(String(describing: error))")
        XCTAssertEqual(error?.method, "DescribeNamespace")
        let message = error?.message ?? ""
        XCTAssertTrue(message.contains("received message larger than max ("), message)
        XCTAssertTrue(message.contains(" vs. 64)"), message)
        // Under the limit the same call works on a channel of the same kind.
        let roomy = try GRPCChannel(config: ConnectionConfig(address: server.address, identity: "rpc-tests",
                                                             maxReceiveMessageBytes: 1 << 20))
        let bytes = try await roomy.unary(method: Paths.describeNamespace,
                                          request: RawProto.describeNamespace("default"), timeout: .seconds(10))
        XCTAssertGreaterThan(bytes.count, 64)
    }

    /// A server that accepts the connection and never answers: the call
    /// must end at its own deadline (the client checks deadlines itself).
    func testSilentServerEndsAtTheDeadline() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let ch = try GRPCChannel(config: ConnectionConfig(address: "127.0.0.1:\(silent.port)", identity: "rpc-tests"))
        let clock = ContinuousClock()
        let start = clock.now
        let error = await describeError(ch, timeout: .milliseconds(800))
        XCTAssertEqual(error?.code, .deadlineExceeded, "\(String(describing: error))")
        let elapsed = clock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(700))
        XCTAssertLessThan(elapsed, .seconds(5))
    }

    /// The shim's poller threads carry a name an operator can find in
    /// `top -H` or `ps -L` (unnamed, they would inherit whatever thread
    /// first started a call, a cooperative-pool thread here).
    func testPollerThreadsAreNamed() async throws {
        let ch = try await channel()
        _ = try await ch.unary(method: Paths.describeNamespace, request: RawProto.describeNamespace("default"),
                               timeout: .seconds(10))
        // Two pollers (MFG_POLLER_THREADS) while a channel is alive; each
        // names itself as it starts, so allow it a moment.
        var names: [String] = []
        for _ in 0..<50 {
            names = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap { tid in
                try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if names.filter({ $0 == "mfg-poller" }).count >= 2 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertGreaterThanOrEqual(names.filter { $0 == "mfg-poller" }.count, 2, "\(names)")
        withExtendedLifetime(ch) {}
    }

    func testManyConcurrentCallsOnOneChannel() async throws {
        let ch = try await channel()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    _ = try await ch.unary(method: Paths.describeNamespace,
                                           request: RawProto.describeNamespace("default"), timeout: .seconds(10))
                }
            }
            try await group.waitForAll()
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
