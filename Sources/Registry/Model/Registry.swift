/// A loaded, validated registry: every entry of every YAML file, by id.
///
/// Build one with ``RegistryLoader/load(directory:environment:)``; the
/// memberwise initializer exists for tests that need a registry without files.
public struct Registry: Sendable {
    /// The registry root directory (absolute), or `""` when built in code.
    public var root: String
    /// `temporal.client` entries by id.
    public var clients: [String: ClientEntry]
    /// `temporal.worker` entries by id.
    public var workers: [String: WorkerEntry]
    /// `workflow.lua` entries by id.
    public var workflows: [String: WorkflowEntry]
    /// `function.lua` entries (activities and plain functions) by id.
    public var functions: [String: FunctionEntry]
    /// `library.lua` entries by id.
    public var libraries: [String: LibraryEntry]
    /// Things that loaded but deserve attention (settings accepted and ignored, …).
    public var warnings: [RegistryError]

    /// Creates a registry from already-built entries.
    public init(root: String = "", clients: [ClientEntry] = [], workers: [WorkerEntry] = [],
                workflows: [WorkflowEntry] = [], functions: [FunctionEntry] = [],
                libraries: [LibraryEntry] = [], warnings: [RegistryError] = []) {
        self.root = root
        self.clients = Dictionary(clients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.workers = Dictionary(workers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.workflows = Dictionary(workflows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.functions = Dictionary(functions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.libraries = Dictionary(libraries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.warnings = warnings
    }

    /// The client with this id.
    public func client(_ id: String) -> ClientEntry? { clients[id] }
    /// The worker with this id.
    public func worker(_ id: String) -> WorkerEntry? { workers[id] }
    /// The workflow with this id.
    public func workflow(_ id: String) -> WorkflowEntry? { workflows[id] }
    /// The function (activity or plain) with this id.
    public func function(_ id: String) -> FunctionEntry? { functions[id] }
    /// The library with this id.
    public func library(_ id: String) -> LibraryEntry? { libraries[id] }

    /// The workflow, function or library with this id: what an `imports` value or
    /// a `require` resolves to.
    public func luaEntry(_ id: String) -> (any LuaEntry)? {
        if let entry = workflows[id] { return entry }
        if let entry = functions[id] { return entry }
        return libraries[id]
    }

    /// The kind of the entry with this id, if any.
    public func kind(of id: String) -> EntryKind? {
        if clients[id] != nil { return .client }
        if workers[id] != nil { return .worker }
        if workflows[id] != nil { return .workflow }
        if functions[id] != nil { return .function }
        if libraries[id] != nil { return .library }
        return nil
    }

    /// Every entry id, sorted.
    public var entryIds: [String] {
        (Array(clients.keys) + Array(workers.keys) + Array(workflows.keys)
            + Array(functions.keys) + Array(libraries.keys)).sorted()
    }

    /// Functions registered as activities, sorted by id.
    public var activities: [FunctionEntry] {
        functions.values.filter(\.isActivity).sorted { $0.id < $1.id }
    }

    /// Workflows polled by `workerId`, sorted by id.
    public func workflows(forWorker workerId: String) -> [WorkflowEntry] {
        workflows.values.filter { $0.workerId == workerId }.sorted { $0.id < $1.id }
    }

    /// Activities run by `workerId`, sorted by id.
    public func activities(forWorker workerId: String) -> [FunctionEntry] {
        functions.values.filter { $0.activityWorkerId == workerId }.sorted { $0.id < $1.id }
    }

    /// The workflow registered on `workerId` under Temporal type `temporalName`.
    public func workflow(temporalName: String, worker workerId: String) -> WorkflowEntry? {
        workflows.values.first { $0.workerId == workerId && $0.temporalName == temporalName }
    }
}
