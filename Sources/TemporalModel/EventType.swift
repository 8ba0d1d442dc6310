/// `temporal.api.enums.v1.EventType` values the worker refers to by name.
public enum EventType {
    public static let workflowExecutionStarted: Int32 = 1
    public static let workflowExecutionCompleted: Int32 = 2
    public static let workflowExecutionFailed: Int32 = 3
    public static let workflowExecutionTimedOut: Int32 = 4
    public static let workflowTaskScheduled: Int32 = 5
    public static let workflowTaskStarted: Int32 = 6
    public static let workflowTaskCompleted: Int32 = 7
    public static let workflowTaskTimedOut: Int32 = 8
    public static let workflowTaskFailed: Int32 = 9
    public static let activityTaskScheduled: Int32 = 10
    public static let activityTaskStarted: Int32 = 11
    public static let activityTaskCompleted: Int32 = 12
    public static let activityTaskFailed: Int32 = 13
    public static let activityTaskTimedOut: Int32 = 14
    public static let activityTaskCancelRequested: Int32 = 15
    public static let activityTaskCanceled: Int32 = 16
    public static let timerStarted: Int32 = 17
    public static let timerFired: Int32 = 18
    public static let timerCanceled: Int32 = 19
    public static let workflowExecutionCancelRequested: Int32 = 20
    public static let workflowExecutionCanceled: Int32 = 21
    public static let requestCancelExternalWorkflowExecutionInitiated: Int32 = 22
    public static let requestCancelExternalWorkflowExecutionFailed: Int32 = 23
    public static let externalWorkflowExecutionCancelRequested: Int32 = 24
    public static let markerRecorded: Int32 = 25
    public static let workflowExecutionSignaled: Int32 = 26
    public static let workflowExecutionTerminated: Int32 = 27
    public static let workflowExecutionContinuedAsNew: Int32 = 28
    public static let startChildWorkflowExecutionInitiated: Int32 = 29
    public static let startChildWorkflowExecutionFailed: Int32 = 30
    public static let childWorkflowExecutionStarted: Int32 = 31
    public static let childWorkflowExecutionCompleted: Int32 = 32
    public static let childWorkflowExecutionFailed: Int32 = 33
    public static let childWorkflowExecutionCanceled: Int32 = 34
    public static let childWorkflowExecutionTimedOut: Int32 = 35
    public static let childWorkflowExecutionTerminated: Int32 = 36
    public static let signalExternalWorkflowExecutionInitiated: Int32 = 37
    public static let signalExternalWorkflowExecutionFailed: Int32 = 38
    public static let externalWorkflowExecutionSignaled: Int32 = 39
    public static let upsertWorkflowSearchAttributes: Int32 = 40
    public static let workflowExecutionUpdateAccepted: Int32 = 41
    public static let workflowExecutionUpdateRejected: Int32 = 42
    public static let workflowExecutionUpdateCompleted: Int32 = 43
    public static let workflowPropertiesModified: Int32 = 46
    public static let workflowExecutionUpdateAdmitted: Int32 = 47

    /// Human-readable name, used in non-determinism messages.
    public static func name(_ type: Int32) -> String {
        switch type {
        case 1: "WorkflowExecutionStarted"
        case 2: "WorkflowExecutionCompleted"
        case 3: "WorkflowExecutionFailed"
        case 4: "WorkflowExecutionTimedOut"
        case 5: "WorkflowTaskScheduled"
        case 6: "WorkflowTaskStarted"
        case 7: "WorkflowTaskCompleted"
        case 8: "WorkflowTaskTimedOut"
        case 9: "WorkflowTaskFailed"
        case 10: "ActivityTaskScheduled"
        case 11: "ActivityTaskStarted"
        case 12: "ActivityTaskCompleted"
        case 13: "ActivityTaskFailed"
        case 14: "ActivityTaskTimedOut"
        case 15: "ActivityTaskCancelRequested"
        case 16: "ActivityTaskCanceled"
        case 17: "TimerStarted"
        case 18: "TimerFired"
        case 19: "TimerCanceled"
        case 20: "WorkflowExecutionCancelRequested"
        case 21: "WorkflowExecutionCanceled"
        case 22: "RequestCancelExternalWorkflowExecutionInitiated"
        case 23: "RequestCancelExternalWorkflowExecutionFailed"
        case 24: "ExternalWorkflowExecutionCancelRequested"
        case 25: "MarkerRecorded"
        case 26: "WorkflowExecutionSignaled"
        case 27: "WorkflowExecutionTerminated"
        case 28: "WorkflowExecutionContinuedAsNew"
        case 29: "StartChildWorkflowExecutionInitiated"
        case 30: "StartChildWorkflowExecutionFailed"
        case 31: "ChildWorkflowExecutionStarted"
        case 32: "ChildWorkflowExecutionCompleted"
        case 33: "ChildWorkflowExecutionFailed"
        case 34: "ChildWorkflowExecutionCanceled"
        case 35: "ChildWorkflowExecutionTimedOut"
        case 36: "ChildWorkflowExecutionTerminated"
        case 37: "SignalExternalWorkflowExecutionInitiated"
        case 38: "SignalExternalWorkflowExecutionFailed"
        case 39: "ExternalWorkflowExecutionSignaled"
        case 40: "UpsertWorkflowSearchAttributes"
        case 41: "WorkflowExecutionUpdateAccepted"
        case 42: "WorkflowExecutionUpdateRejected"
        case 43: "WorkflowExecutionUpdateCompleted"
        case 46: "WorkflowPropertiesModified"
        case 47: "WorkflowExecutionUpdateAdmitted"
        default: "EventType(\(type))"
        }
    }
}
