import Registry

/// Resolves what Lua code and the CLI name — a `workflow.lua` entry id and
/// a `temporal.worker` id or plain task queue — to a Temporal workflow type
/// and task queue, from the registry.
public struct WorkflowTargets: Sendable {
    public let registry: Registry

    public init(registry: Registry) { self.registry = registry }

    /// - Parameters:
    ///   - entry: a workflow entry id; without a namespace it is looked up
    ///     in `defaultNamespace` first.
    ///   - worker: a `temporal.worker` id (its task queue), a plain task
    ///     queue name, or nil/empty for the queue of the entry's own worker.
    /// - Throws: `NOT_FOUND` for an id that is no workflow entry.
    public func resolve(entry: String, worker: String?, defaultNamespace: String?)
        throws(ClientError) -> (workflowType: String, taskQueue: String) {
        guard !entry.isEmpty else { throw .invalid("the workflow entry id to start must be a non-empty string") }
        let workflow = qualified(entry, defaultNamespace).flatMap { registry.workflow($0) } ?? registry.workflow(entry)
        guard let workflow else {
            let known = registry.workflows.keys.sorted().prefix(20).joined(separator: ", ")
            throw ClientError(kind: "NOT_FOUND",
                              message: "no workflow.lua entry '\(entry)' in the registry (known: \(known.isEmpty ? "none" : known))")
        }
        if let worker, !worker.isEmpty {
            let w = qualified(worker, defaultNamespace).flatMap { registry.worker($0) } ?? registry.worker(worker)
            return (workflow.temporalName, w?.effectiveTaskQueue ?? worker)
        }
        guard let own = registry.worker(workflow.workerId) else {
            throw ClientError(kind: "NOT_FOUND", message: "worker \(workflow.workerId) of \(workflow.id) is not in the registry")
        }
        return (workflow.temporalName, own.effectiveTaskQueue)
    }

    private func qualified(_ id: String, _ namespace: String?) -> String? {
        guard !id.contains(":"), let namespace, !namespace.isEmpty else { return nil }
        return namespace + ":" + id
    }
}
