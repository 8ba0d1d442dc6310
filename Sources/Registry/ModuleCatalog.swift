/// The Lua modules entries may list in `modules`, and where each may be used.
public enum ModuleCatalog {
    /// Modules a workflow may list: deterministic, replay-safe.
    public static let workflowModules: Set<String> = [
        "funcs", "time", "workflow", "uuid", "crypto", "ctx", "json", "errors",
    ]

    /// Modules an activity (`function.lua`) may list.
    public static let activityModules: Set<String> = [
        "json", "time", "env", "logger", "ctx", "errors", "uuid", "crypto", "funcs",
    ]

    /// Modules that do I/O or read host state, with why a workflow may not use them.
    /// Only those also in ``activityModules`` are available (in activities).
    public static let ioModules: [String: String] = [
        "http_client": "it performs network I/O",
        "env": "it reads the host environment",
        "logger": "it writes log output",
        "fs": "it reads and writes files",
        "sql": "it talks to a database",
        "exec": "it runs external processes",
        "store": "it reads and writes external state",
        "queue": "it talks to a message queue",
        "events": "it publishes events outside the workflow",
        "security": "it reads host security state",
        "registry": "it reads the live registry",
    ]

    /// Names that are globals in every Lua entry and need no listing.
    public static let globals: Set<String> = [
        "process", "channel", "coroutine", "table", "string", "math", "utf8", "activity",
    ]

    /// Every module name any entry may list (libraries may list these).
    public static var knownModules: Set<String> { workflowModules.union(activityModules) }

    /// Known module names, sorted and comma-separated, for messages.
    static func list(_ modules: Set<String>) -> String {
        modules.sorted().joined(separator: ", ")
    }
}
