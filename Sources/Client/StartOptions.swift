import TemporalModel

/// The `temporal.workflow.*` starting options of SPEC §2, parsed and typed
/// (see `StartOptions.parse`). nil means "not given": the server or the
/// client default applies.
public struct StartOptions: Sendable, Hashable {
    /// What to do when a run with the id is open
    /// (`temporal.api.enums.v1.WorkflowIdConflictPolicy`).
    public enum ConflictPolicy: String, Sendable, Hashable, CaseIterable {
        case fail, useExisting = "use_existing", terminateExisting = "terminate_existing"
        /// The protobuf enum value.
        public var wireValue: Int32 {
            switch self {
            case .fail: 1
            case .useExisting: 2
            case .terminateExisting: 3
            }
        }
    }

    /// Whether a closed run's id may be reused
    /// (`temporal.api.enums.v1.WorkflowIdReusePolicy`).
    public enum ReusePolicy: String, Sendable, Hashable, CaseIterable {
        case allowDuplicate = "allow_duplicate"
        case allowDuplicateFailedOnly = "allow_duplicate_failed_only"
        case rejectDuplicate = "reject_duplicate"
        /// The protobuf enum value.
        public var wireValue: Int32 {
            switch self {
            case .allowDuplicate: 1
            case .allowDuplicateFailedOnly: 2
            case .rejectDuplicate: 3
            }
        }
    }

    /// `parent_close_policy`: only meaningful for children started by a
    /// workflow; accepted (and checked) but unused outside workflows.
    public enum ParentClosePolicy: String, Sendable, Hashable, CaseIterable {
        case terminate, abandon, requestCancel = "request_cancel"
    }

    public var id: String?
    public var taskQueue: String?
    public var executionTimeout: ProtoDuration?
    public var runTimeout: ProtoDuration?
    public var taskTimeout: ProtoDuration?
    public var idConflictPolicy: ConflictPolicy?
    public var idReusePolicy: ReusePolicy?
    /// When true, finding an open run with the id is an `ALREADY_EXISTS`
    /// error even under `use_existing` (the existing run is not reused).
    public var executionErrorWhenAlreadyStarted: Bool
    public var retryPolicy: RetryPolicy?
    public var cronSchedule: String?
    public var memo: [String: JSONValue]
    public var searchAttributes: [String: JSONValue]
    public var enableEagerStart: Bool
    public var startDelay: ProtoDuration?
    public var namespace: String?
    public var parentClosePolicy: ParentClosePolicy?
    public var waitForCancellation: Bool?

    public init(id: String? = nil, taskQueue: String? = nil, executionTimeout: ProtoDuration? = nil,
                runTimeout: ProtoDuration? = nil, taskTimeout: ProtoDuration? = nil,
                idConflictPolicy: ConflictPolicy? = nil, idReusePolicy: ReusePolicy? = nil,
                executionErrorWhenAlreadyStarted: Bool = false, retryPolicy: RetryPolicy? = nil,
                cronSchedule: String? = nil, memo: [String: JSONValue] = [:],
                searchAttributes: [String: JSONValue] = [:], enableEagerStart: Bool = false,
                startDelay: ProtoDuration? = nil, namespace: String? = nil,
                parentClosePolicy: ParentClosePolicy? = nil, waitForCancellation: Bool? = nil) {
        self.id = id
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.idConflictPolicy = idConflictPolicy
        self.idReusePolicy = idReusePolicy
        self.executionErrorWhenAlreadyStarted = executionErrorWhenAlreadyStarted
        self.retryPolicy = retryPolicy
        self.cronSchedule = cronSchedule
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.enableEagerStart = enableEagerStart
        self.startDelay = startDelay
        self.namespace = namespace
        self.parentClosePolicy = parentClosePolicy
        self.waitForCancellation = waitForCancellation
    }

    /// The conflict policy in force: the given one, else `use_existing`
    /// for an explicit id (or name) and `fail` for a generated one.
    public var effectiveConflictPolicy: ConflictPolicy {
        idConflictPolicy ?? (id != nil ? .useExisting : .fail)
    }
}
