#if canImport(Glibc)
import Glibc
#endif
import TemporalModel

/// Pure readings of tasks for metrics: server-side waits and outcomes.
public enum TaskTiming {
    /// WorkflowTaskScheduled → WorkflowTaskStarted of the task whose
    /// started event is `startedEventId`, from the events' server times;
    /// nil when either event is not among `events` or the clock went back.
    public static func workflowScheduleToStart(events: [HistoryEvent], startedEventId: Int64) -> Duration? {
        guard startedEventId > 0,
              let started = events.last(where: { $0.eventId == startedEventId }),
              case .workflowTaskStarted(let scheduledEventId, _, _) = started.attributes,
              let scheduled = events.last(where: { $0.eventId == scheduledEventId }) else { return nil }
        return elapsed(from: scheduled.eventTime, to: started.eventTime)
    }

    /// Scheduling → start of an activity's first attempt (server clock).
    /// Later attempts are left out: the task carries only the first
    /// attempt's scheduling time, so their wait would include retry backoff.
    public static func activityScheduleToStart(_ task: ActivityTask) -> Duration? {
        guard task.attempt <= 1, let scheduled = task.scheduledTime, let started = task.startedTime else { return nil }
        return elapsed(from: scheduled, to: started)
    }

    /// First scheduling of the activity → `now` (for a successful attempt:
    /// the Go SDK's end-to-end latency).
    public static func activitySinceScheduled(_ task: ActivityTask, now: Timestamp = wallClock()) -> Duration? {
        guard let scheduled = task.scheduledTime else { return nil }
        return elapsed(from: scheduled, to: now)
    }

    /// Now, on the wall clock (to compare with the server's timestamps).
    public static func wallClock() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(unixNanos: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
    }

    /// `to - from`, or nil when negative or either time is unset (zero).
    public static func elapsed(from: Timestamp, to: Timestamp) -> Duration? {
        guard from.unixNanos > 0, to.unixNanos >= from.unixNanos else { return nil }
        return .nanoseconds(to.unixNanos - from.unixNanos)
    }

    /// How a workflow task's commands close the execution, if they do.
    public static func outcome(of commands: [Command]) -> WorkflowOutcome? {
        for command in commands.reversed() {
            switch command {
            case .completeWorkflowExecution: return .completed
            case .failWorkflowExecution: return .failed
            case .cancelWorkflowExecution: return .canceled
            case .continueAsNewWorkflowExecution: return .continuedAsNew
            default: continue
            }
        }
        return nil
    }
}

/// How a workflow execution closed.
public enum WorkflowOutcome: Sendable, Hashable {
    case completed, failed, canceled, continuedAsNew
}

/// How an activity attempt ended on this worker.
public enum ActivityOutcome: Sendable, Hashable {
    case completed, failed, canceled
}
