
/// Decodes `temporal.worker` entries. The effective task queue is filled in
/// when the registry is linked (it needs the client's `tq_prefix`).
struct WorkerDecoder {
    static let keys: Set<String> = ["client", "task_queue", "worker_options", "lifecycle", "log_level"]
    static let optionKeys: Set<String> = [
        "max_concurrent_workflow_task_execution_size", "max_concurrent_activity_execution_size",
        "max_concurrent_workflow_task_pollers", "max_concurrent_activity_task_pollers",
        "sticky_schedule_to_start_timeout", "max_cached_workflows", "identity", "build_id",
    ]
    /// Go SDK worker options Moonflow accepts but does not use.
    static let ignoredOptionKeys: [String: String] = Dictionary(uniqueKeysWithValues: [
        "max_concurrent_local_activity_execution_size", "max_concurrent_session_execution_size",
        "max_concurrent_eager_activity_execution_size", "worker_activities_per_second",
        "worker_local_activities_per_second", "task_queue_activities_per_second", "worker_stop_timeout",
        "deadlock_detection_timeout", "max_heartbeat_throttle_interval", "default_heartbeat_throttle_interval",
        "enable_logging_in_replay", "enable_session_worker", "disable_workflow_worker",
        "local_activity_worker_only", "disable_eager_activities", "disable_registration_aliasing",
        "use_versioning", "deployment_name", "default_versioning_behavior", "build_id_env",
    ].map { ($0, "Moonflow does not support this Go SDK worker option") })
    /// Supervisor lifecycle settings of the reference system that Moonflow does not use.
    static let ignoredLifecycleKeys: [String: String] = Dictionary(uniqueKeysWithValues: [
        "startup", "requires", "depends_on", "start_timeout", "stop_timeout", "stable_threshold", "restart",
    ].map { ($0, "only lifecycle.auto_start is used by Moonflow") })

    let links: LinkState

    func decode(_ raw: RawEntry) -> WorkerEntry? {
        let reader = raw.reader
        guard let fields = reader.mapping(raw.node, path: "", known: Self.keys.union(["name", "kind", "meta"]))
        else { return nil }
        var ok = true
        var clientId = ""
        var taskQueue = ""
        if let node = fields["client"] {
            if let reference = Reference.read(node, path: "client", expected: [.client],
                                              namespace: raw.namespace, reader: reader) {
                clientId = reference.targetId
                links.references.append(reference)
            } else { ok = false }
        } else {
            reader.error("client is required (the id of the temporal.client this worker polls through)", at: raw.node)
            ok = false
        }
        if let node = fields["task_queue"] {
            if let value = reader.nonEmptyString(node, path: "task_queue") { taskQueue = value } else { ok = false }
        } else {
            reader.error("task_queue is required (the Temporal task queue this worker polls)", at: raw.node)
            ok = false
        }
        var options = WorkerOptions()
        if let node = fields["worker_options"], node.tagName != .null {
            if let decoded = decodeOptions(node, reader: reader) { options = decoded } else { ok = false }
        }
        var autoStart = true
        if let node = fields["lifecycle"], node.tagName != .null {
            if let lifecycle = reader.mapping(node, path: "lifecycle", known: ["auto_start"],
                                              ignored: Self.ignoredLifecycleKeys) {
                if let flag = lifecycle["auto_start"] {
                    if let value = reader.bool(flag, path: "lifecycle.auto_start") { autoStart = value } else { ok = false }
                }
            } else { ok = false }
        }
        var logLevel: LogLevel?
        if let node = fields["log_level"], node.tagName != .null {
            if let level = decodeLogLevel(node, reader: reader) { logLevel = level } else { ok = false }
        }
        guard ok else { return nil }
        return WorkerEntry(id: raw.id, clientId: clientId, taskQueue: taskQueue, options: options,
                           autoStart: autoStart, logLevel: logLevel, meta: raw.meta)
    }

    private func decodeLogLevel(_ node: Node, reader: NodeReader) -> LogLevel? {
        guard let text = reader.nonEmptyString(node, path: "log_level") else { return nil }
        if let level = LogLevel(rawValue: text) { return level }
        let names = LogLevel.allCases.map(\.rawValue)
        reader.error("log_level \"\(text)\" is unknown (expected one of \(names.joined(separator: ", ")))"
                     + Suggestion.didYouMean(text, in: names), at: node)
        return nil
    }

    private func decodeOptions(_ node: Node, reader: NodeReader) -> WorkerOptions? {
        guard let fields = reader.mapping(node, path: "worker_options", known: Self.optionKeys,
                                          ignored: Self.ignoredOptionKeys) else { return nil }
        var ok = true
        var options = WorkerOptions()
        let counts: [(String, WritableKeyPath<WorkerOptions, Int>, Int)] = [
            ("max_concurrent_workflow_task_execution_size", \.maxConcurrentWorkflowTaskExecutionSize, 1),
            ("max_concurrent_activity_execution_size", \.maxConcurrentActivityExecutionSize, 1),
            ("max_concurrent_workflow_task_pollers", \.maxConcurrentWorkflowTaskPollers, 1),
            ("max_concurrent_activity_task_pollers", \.maxConcurrentActivityTaskPollers, 1),
            ("max_cached_workflows", \.maxCachedWorkflows, 0),
        ]
        for (key, keyPath, minimum) in counts {
            guard let value = fields[key] else { continue }
            if let number = reader.int(value, path: "worker_options.\(key)", minimum: minimum) {
                options[keyPath: keyPath] = number
            } else { ok = false }
        }
        if let value = fields["sticky_schedule_to_start_timeout"] {
            if let duration = reader.duration(value, path: "worker_options.sticky_schedule_to_start_timeout") {
                if duration > .zero { options.stickyScheduleToStartTimeout = duration } else {
                    reader.error("worker_options.sticky_schedule_to_start_timeout must be greater than 0", at: value)
                    ok = false
                }
            } else { ok = false }
        }
        if let value = fields["identity"] {
            if let text = reader.string(value, path: "worker_options.identity") {
                if !text.isEmpty { options.identity = text }
            } else { ok = false }
        }
        if let value = fields["build_id"] {
            if let text = reader.string(value, path: "worker_options.build_id") {
                options.buildId = text.isEmpty ? nil : text
            } else { ok = false }
        }
        return ok ? options : nil
    }
}
