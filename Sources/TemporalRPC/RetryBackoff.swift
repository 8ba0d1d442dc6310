/// Exponential backoff with jitter and a total time budget, for retrying
/// transient gRPC failures of non-poll calls. Pure: randomness is passed in.
public struct RetryBackoff: Sendable, Hashable {
    /// Delay before the first retry.
    public var initialDelay: Duration
    /// Growth factor per attempt.
    public var multiplier: Double
    /// Upper bound of a single delay (before jitter).
    public var maximumDelay: Duration
    /// Relative jitter: a delay `d` becomes a value in `d·(1-j) ..< d·(1+j)`.
    public var jitter: Double
    /// Total time after the first attempt's start beyond which no retry is made.
    public var budget: Duration

    /// The defaults follow Temporal's core SDK: 100 ms × 1.7 up to 5 s, ±20 %,
    /// for 10 s in total.
    public init(initialDelay: Duration = .milliseconds(100), multiplier: Double = 1.7,
                maximumDelay: Duration = .seconds(5), jitter: Double = 0.2, budget: Duration = .seconds(10)) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.budget = budget
    }

    /// The codes worth retrying for a call that did not clearly fail.
    public static func isRetryable(_ code: RPCError.Code) -> Bool {
        switch code {
        case .unavailable, .resourceExhausted, .aborted, .internalError, .unknown: true
        default: false
        }
    }

    /// The delay before retry number `attempt` (0 = the first retry).
    /// `random` is a uniform value in `0..<1`.
    public func delay(attempt: Int, random: Double) -> Duration {
        let base = initialDelay.seconds * pow(multiplier, Double(max(0, attempt)))
        let capped = min(base, maximumDelay.seconds)
        let factor = 1 + jitter * (2 * min(max(random, 0), 1) - 1)
        return .nanoseconds(Int64((capped * factor * 1e9).rounded()))
    }

    /// The delay before retry number `attempt` given the time already spent,
    /// or `nil` when the budget is used up. The delay is cut short so the
    /// retry still starts within the budget.
    public func nextDelay(attempt: Int, elapsed: Duration, random: Double) -> Duration? {
        let remaining = budget - elapsed
        guard remaining > .zero else { return nil }
        return min(delay(attempt: attempt, random: random), remaining)
    }
}

extension Duration {
    /// The duration as floating-point seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

/// `pow` without Foundation, for small non-negative integer exponents.
private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var n = Int(exponent)
    while n > 0 {
        result *= base
        n -= 1
        if result > 1e12 { break }
    }
    return result
}
