internal import CLuaShim

/// The state of the deterministic generator behind the workflow sandbox's
/// `math.random` (xoshiro256**). Save it per workflow instance and restore
/// it before running that instance again.
public struct LuaRandomState: Sendable, Hashable, Codable {
    public var s0, s1, s2, s3: UInt64

    /// Creates a state from its four words.
    public init(_ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        (self.s0, self.s1, self.s2, self.s3) = (s0, s1, s2, s3)
    }
}

extension LuaState {
    /// Reseeds the workflow `math.random` generator (same seed, same
    /// sequence, in every process). `math.randomseed(n)` in Lua does the same.
    public func seedRandom(_ seed: UInt64) {
        mfl_seedrandom(runtime, seed, 0)
    }

    /// The workflow `math.random` generator state (shared by all sandboxes of
    /// this state; swap it per instance).
    public var randomState: LuaRandomState {
        get {
            let r = runtime.pointee.random
            return LuaRandomState(r.0, r.1, r.2, r.3)
        }
        set {
            runtime.pointee.random = (newValue.s0, newValue.s1, newValue.s2, newValue.s3)
        }
    }
}
