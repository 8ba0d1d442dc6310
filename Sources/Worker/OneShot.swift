import Synchronization

/// Resumes a continuation with the first of several answers.
final class OneShot: Sendable {
    private let state = Mutex<CheckedContinuation<Bool, Never>?>(nil)
    func arm(_ continuation: CheckedContinuation<Bool, Never>) { state.withLock { $0 = continuation } }
    func resolve(_ value: Bool) {
        let continuation = state.withLock { c -> CheckedContinuation<Bool, Never>? in
            defer { c = nil }
            return c
        }
        continuation?.resume(returning: value)
    }
}
