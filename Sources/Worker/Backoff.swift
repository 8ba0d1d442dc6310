/// Exponential backoff with full jitter for poll loops that cannot reach
/// the cluster: 200 ms doubling up to 10 s.
struct Backoff {
    var initial: Duration = .milliseconds(200)
    var maximum: Duration = .seconds(10)
    private(set) var failures = 0

    mutating func reset() { failures = 0 }

    /// The delay before the next attempt; grows with each call.
    mutating func next() -> Duration {
        let exponent = min(failures, 16)
        failures += 1
        let ceiling = min(maximum, initial * (1 << exponent))
        let ms = max(1, Int(ceiling.components.seconds * 1000 + ceiling.components.attoseconds / 1_000_000_000_000_000))
        return .milliseconds(Int.random(in: (ms / 2)...ms))
    }
}
