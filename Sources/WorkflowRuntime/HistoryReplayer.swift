import LuaRuntime
import Registry
import Replay
import TemporalModel

/// Replays a whole recorded history against the registry's current code,
/// offline (`moonflow replay`): reports the first non-determinism or code
/// error. Runs on the calling thread; not for use inside the daemon.
public struct HistoryReplayer {
    public struct Report: Sendable {
        public var workflowType: String
        public var events: Int
        public var workflowTasks: Int
        /// nil when the history replays cleanly.
        public var failure: String?
        /// The commands issued at each activation, when asked for.
        public var commands: [[Command]]
    }

    public let registry: Registry
    public init(registry: Registry) { self.registry = registry }

    public func replay(_ history: History, workflowId: String = "replay", recordCommands: Bool = false) -> Report {
        let events = history.events
        guard case .workflowExecutionStarted(let started)? = events.first?.attributes else {
            return Report(workflowType: "?", events: events.count, workflowTasks: 0,
                          failure: "history does not start with WorkflowExecutionStarted", commands: [])
        }
        let type = started.workflowType
        var report = Report(workflowType: type, events: events.count,
                            workflowTasks: events.filter { $0.eventType == EventType.workflowTaskCompleted }.count,
                            failure: nil, commands: [])
        guard let entry = registry.workflows.values.first(where: { $0.temporalName == type }) else {
            report.failure = "workflow type \(type) is not in the registry (it has \(registry.workflows.values.map(\.temporalName).sorted()))"
            return report
        }
        let execution = WorkflowExecution(workflowId: started.workflowId.isEmpty ? workflowId : started.workflowId,
                                          runId: started.originalExecutionRunId)
        let lastStarted = events.last { $0.eventType == EventType.workflowTaskStarted }?.eventId ?? 0
        do {
            let host = try WorkflowHost()
            let instance = try host.makeInstance(of: entry, registry: registry)
            let code = LuaWorkflowCode(host: host, instance: instance,
                                       jobs: JobEncoding(namespace: "default", execution: execution))
            defer { code.close() }
            let machines = WorkflowMachines(execution: execution, workflowType: type, code: code)
            if recordCommands { machines.commandLog = [] }
            switch try machines.handleTask(events: events, previousStartedEventId: lastStarted) {
            case .commands:
                break
            case .taskFailure(let message, let stackTrace):
                report.failure = "workflow code failed: \(message)\n\(stackTrace)"
            }
            report.commands = machines.commandLog ?? []
        } catch let error as ReplayError {
            report.failure = error.message
        } catch let error as LuaError {
            report.failure = "\(error.message)\n\(error.traceback)"
        } catch {
            report.failure = "\(error)"
        }
        return report
    }
}
