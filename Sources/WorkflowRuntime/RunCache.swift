import Replay

/// The live workflow instances of one Lua executor (the sticky cache):
/// each keeps its Lua coroutines and replay state between workflow tasks,
/// so a sticky task applies only its new events. Least recently used runs
/// are evicted past `capacity`. Confined to its executor.
struct RunCache {
    struct Run {
        let code: LuaWorkflowCode
        let machines: WorkflowMachines
        var lastUsed: UInt64
    }

    let capacity: Int
    private var runs: [String: Run] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { runs.count }

    mutating func take(_ runId: String) -> Run? {
        runs.removeValue(forKey: runId)
    }

    /// Keeps `run` (if the cache holds anything at all), evicting the least
    /// recently used runs past the capacity.
    mutating func put(_ runId: String, code: LuaWorkflowCode, machines: WorkflowMachines) {
        guard capacity > 0 else {
            code.close()
            return
        }
        clock += 1
        runs[runId] = Run(code: code, machines: machines, lastUsed: clock)
        while runs.count > capacity, let oldest = runs.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            evict(oldest.key)
        }
    }

    mutating func evict(_ runId: String) {
        runs.removeValue(forKey: runId)?.code.close()
    }

    mutating func evictAll() {
        for run in runs.values { run.code.close() }
        runs.removeAll()
    }
}

/// What one workflow executor owns: its Lua state and its cached runs.
struct WorkflowExecutorState {
    var host: WorkflowHost?
    var cache: RunCache
}
