import ActivityRuntime
import TemporalModel
import TemporalRPC

/// Activities the daemon runs itself, for workflow operations Temporal has
/// no command for. Workflows schedule them like any activity, so they are
/// recorded in history and replay like one.
enum SystemActivities {
    /// `process.terminate(pid)` from a workflow: args (workflow id, reason).
    static let terminateWorkflow = "moonflow.terminate_workflow"

    static func handles(_ activityType: String) -> Bool { activityType == terminateWorkflow }

    static func run(_ task: ActivityTask, service: any WorkflowService, namespace: String,
                    identity: String) async -> ActivityTaskAnswer {
        let args = (try? PayloadCodec.decode(task.input)) ?? []
        guard case .string(let workflowId)? = args.first, !workflowId.isEmpty else {
            return .failed(ErrorValue(kind: "INVALID", message: "terminate: a workflow id is required", retryable: false).failure())
        }
        var reason = "terminated by a workflow"
        if args.count > 1, case .string(let r) = args[1] { reason = r }
        do {
            try await service.terminateWorkflowExecution(TerminateWorkflowExecutionRequest(
                namespace: namespace, execution: WorkflowExecution(workflowId: workflowId), reason: reason,
                identity: identity))
            return .completed([try PayloadCodec.encode(.bool(true))])
        } catch let error as RPCError where error.code == .notFound {
            return .failed(ErrorValue(kind: "NOT_FOUND", message: "workflow \(workflowId) not found", retryable: false).failure())
        } catch {
            return .failed(ErrorValue(kind: "UNAVAILABLE", message: "terminate \(workflowId): \(error)").failure())
        }
    }
}

