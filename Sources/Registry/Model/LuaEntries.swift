import TemporalModel

/// A `workflow.lua` entry: a workflow definition.
public struct WorkflowEntry: LuaEntry, Hashable {
    public var id: String
    public var namespace: String
    public var name: String
    public var source: LuaSource
    /// The function to run (default `"main"`); a chunk returning a bare function is used as is.
    public var method: String
    public var modules: [String]
    public var imports: [String: String]
    /// The `temporal.worker` that polls for this workflow (`meta.temporal.workflow.worker`, resolved id).
    public var workerId: String
    /// The Temporal workflow type (`meta.temporal.workflow.name`, default: the entry id).
    public var temporalName: String
    public var meta: JSONValue

    /// Creates a workflow entry.
    public init(id: String, namespace: String, name: String, source: LuaSource, method: String = "main",
                modules: [String] = [], imports: [String: String] = [:], workerId: String,
                temporalName: String? = nil, meta: JSONValue = .object([:])) {
        self.id = id
        self.namespace = namespace
        self.name = name
        self.source = source
        self.method = method
        self.modules = modules
        self.imports = imports
        self.workerId = workerId
        self.temporalName = temporalName ?? id
        self.meta = meta
    }
}

/// A `function.lua` entry: a plain Lua function, and an activity when
/// ``activityWorkerId`` is set (its Temporal activity type is its entry id).
public struct FunctionEntry: LuaEntry, Hashable {
    public var id: String
    public var namespace: String
    public var name: String
    public var source: LuaSource
    /// The function to run (default `"main"`); a chunk returning a bare function is used as is.
    public var method: String
    public var modules: [String]
    public var imports: [String: String]
    /// The `temporal.worker` that runs this activity (`meta.temporal.activity.worker`, resolved id);
    /// `nil` for a plain function.
    public var activityWorkerId: String?
    public var meta: JSONValue

    /// Whether this function is registered as a Temporal activity.
    public var isActivity: Bool { activityWorkerId != nil }

    /// Creates a function entry.
    public init(id: String, namespace: String, name: String, source: LuaSource, method: String = "main",
                modules: [String] = [], imports: [String: String] = [:], activityWorkerId: String? = nil,
                meta: JSONValue = .object([:])) {
        self.id = id
        self.namespace = namespace
        self.name = name
        self.source = source
        self.method = method
        self.modules = modules
        self.imports = imports
        self.activityWorkerId = activityWorkerId
        self.meta = meta
    }
}

/// A `library.lua` entry: shared Lua code loaded through `imports`; the chunk's
/// return value is what `require(alias)` yields.
public struct LibraryEntry: LuaEntry, Hashable {
    public var id: String
    public var namespace: String
    public var name: String
    public var source: LuaSource
    public var modules: [String]
    public var imports: [String: String]
    public var meta: JSONValue

    /// Creates a library entry.
    public init(id: String, namespace: String, name: String, source: LuaSource,
                modules: [String] = [], imports: [String: String] = [:], meta: JSONValue = .object([:])) {
        self.id = id
        self.namespace = namespace
        self.name = name
        self.source = source
        self.modules = modules
        self.imports = imports
        self.meta = meta
    }
}
