import XCTest
import TemporalModel

/// Guards that the samples cover every EventAttributes and Command case.
/// The switches have no `default`, so a new model case fails to compile
/// here until the wire layer and the samples are updated.
final class CaseCoverageTests: XCTestCase {
    private func name(_ a: EventAttributes) -> String {
        switch a {
        case .workflowExecutionStarted: "workflowExecutionStarted"
        case .workflowExecutionCompleted: "workflowExecutionCompleted"
        case .workflowExecutionFailed: "workflowExecutionFailed"
        case .workflowExecutionTimedOut: "workflowExecutionTimedOut"
        case .workflowExecutionCanceled: "workflowExecutionCanceled"
        case .workflowExecutionTerminated: "workflowExecutionTerminated"
        case .workflowExecutionContinuedAsNew: "workflowExecutionContinuedAsNew"
        case .workflowExecutionSignaled: "workflowExecutionSignaled"
        case .workflowExecutionCancelRequested: "workflowExecutionCancelRequested"
        case .workflowTaskScheduled: "workflowTaskScheduled"
        case .workflowTaskStarted: "workflowTaskStarted"
        case .workflowTaskCompleted: "workflowTaskCompleted"
        case .workflowTaskFailed: "workflowTaskFailed"
        case .workflowTaskTimedOut: "workflowTaskTimedOut"
        case .activityTaskScheduled: "activityTaskScheduled"
        case .activityTaskStarted: "activityTaskStarted"
        case .activityTaskCompleted: "activityTaskCompleted"
        case .activityTaskFailed: "activityTaskFailed"
        case .activityTaskTimedOut: "activityTaskTimedOut"
        case .activityTaskCancelRequested: "activityTaskCancelRequested"
        case .activityTaskCanceled: "activityTaskCanceled"
        case .timerStarted: "timerStarted"
        case .timerFired: "timerFired"
        case .timerCanceled: "timerCanceled"
        case .markerRecorded: "markerRecorded"
        case .startChildWorkflowExecutionInitiated: "startChildWorkflowExecutionInitiated"
        case .startChildWorkflowExecutionFailed: "startChildWorkflowExecutionFailed"
        case .childWorkflowExecutionStarted: "childWorkflowExecutionStarted"
        case .childWorkflowExecutionCompleted: "childWorkflowExecutionCompleted"
        case .childWorkflowExecutionFailed: "childWorkflowExecutionFailed"
        case .childWorkflowExecutionCanceled: "childWorkflowExecutionCanceled"
        case .childWorkflowExecutionTimedOut: "childWorkflowExecutionTimedOut"
        case .childWorkflowExecutionTerminated: "childWorkflowExecutionTerminated"
        case .signalExternalWorkflowExecutionInitiated: "signalExternalWorkflowExecutionInitiated"
        case .signalExternalWorkflowExecutionFailed: "signalExternalWorkflowExecutionFailed"
        case .externalWorkflowExecutionSignaled: "externalWorkflowExecutionSignaled"
        case .requestCancelExternalWorkflowExecutionInitiated: "requestCancelExternalWorkflowExecutionInitiated"
        case .requestCancelExternalWorkflowExecutionFailed: "requestCancelExternalWorkflowExecutionFailed"
        case .externalWorkflowExecutionCancelRequested: "externalWorkflowExecutionCancelRequested"
        case .upsertWorkflowSearchAttributes: "upsertWorkflowSearchAttributes"
        case .workflowPropertiesModified: "workflowPropertiesModified"
        case .workflowExecutionUpdateAccepted: "workflowExecutionUpdateAccepted"
        case .workflowExecutionUpdateCompleted: "workflowExecutionUpdateCompleted"
        case .workflowExecutionUpdateRejected: "workflowExecutionUpdateRejected"
        case .workflowExecutionUpdateAdmitted: "workflowExecutionUpdateAdmitted"
        case .other: "other"
        }
    }

    private func name(_ c: Command) -> String {
        switch c {
        case .scheduleActivityTask: "scheduleActivityTask"
        case .requestCancelActivityTask: "requestCancelActivityTask"
        case .startTimer: "startTimer"
        case .cancelTimer: "cancelTimer"
        case .completeWorkflowExecution: "completeWorkflowExecution"
        case .failWorkflowExecution: "failWorkflowExecution"
        case .cancelWorkflowExecution: "cancelWorkflowExecution"
        case .continueAsNewWorkflowExecution: "continueAsNewWorkflowExecution"
        case .startChildWorkflowExecution: "startChildWorkflowExecution"
        case .signalExternalWorkflowExecution: "signalExternalWorkflowExecution"
        case .requestCancelExternalWorkflowExecution: "requestCancelExternalWorkflowExecution"
        case .recordMarker: "recordMarker"
        case .upsertWorkflowSearchAttributes: "upsertWorkflowSearchAttributes"
        case .modifyWorkflowProperties: "modifyWorkflowProperties"
        case .protocolMessage: "protocolMessage"
        }
    }

    func testSamplesCoverEveryEventAttributesCase() {
        XCTAssertEqual(Set(Samples.allAttributes.map { name($0.1) }).count, 46)
    }

    func testSamplesCoverEveryCommandCase() {
        XCTAssertEqual(Set(Samples.allCommands.map { name($0) }).count, 15)
    }

    /// The sample event types match the EventType constants of the cases.
    func testSampleEventTypesAreDistinct() {
        XCTAssertEqual(Set(Samples.allAttributes.map(\.0)).count, 46)
    }
}
