

/// Temporal header keys Moonflow writes and reads.
public enum Headers {
    /// The sender's pid on a signal (`msg:from()`), a json/plain string.
    public static let from = "moonflow-from"
    /// Context values (`ctx.get`), a json/plain object; carried to every
    /// activity and child a workflow starts.
    public static let context = "moonflow-context"
}
