
/// Whole-registry checks: references, task queues, Temporal type names,
/// import cycles and the determinism of what workflows import.
struct Linker {
    /// The `declared` kind of an entry whose kind is unknown (already reported).
    static let unknownKind = "?"

    /// Every declared id → its kind (including entries whose fields failed to
    /// decode, so a broken target is not also reported as missing).
    let declared: [String: String]
    let links: LinkState
    let diagnostics: Diagnostics

    func checkReferences() {
        for reference in links.references {
            let expected = reference.expected.map(\.rawValue).joined(separator: " or ")
            guard let kind = declared[reference.targetId] else {
                let candidates = declared.filter { entry in reference.expected.contains { $0.rawValue == entry.value } }
                reference.reader.error("\(reference.path) refers to \(reference.targetId), which does not exist"
                                       + " (expected a \(expected) entry)"
                                       + Suggestion.didYouMean(reference.targetId, in: candidates.keys),
                                       at: reference.node)
                continue
            }
            if kind == Linker.unknownKind { continue }
            if !reference.expected.contains(where: { $0.rawValue == kind }) {
                reference.reader.error("\(reference.path) refers to \(reference.targetId), which is a \(kind) entry"
                                       + " (expected a \(expected) entry)", at: reference.node)
            }
        }
    }

    /// Fills in effective task queues and rejects two workers polling the same queue through one client.
    func linkWorkers(_ workers: inout [String: WorkerEntry], clients: [String: ClientEntry],
                     locations: [String: RawEntry]) {
        var seen: [String: String] = [:]
        for id in workers.keys.sorted() {
            guard var worker = workers[id], let client = clients[worker.clientId] else { continue }
            worker.effectiveTaskQueue = client.tqPrefix + worker.taskQueue
            workers[id] = worker
            let key = "\(worker.clientId)\u{0}\(worker.effectiveTaskQueue)"
            if let other = seen[key], let raw = locations[id] {
                raw.reader.error("task queue \(worker.effectiveTaskQueue) is already polled by \(other) through"
                                 + " \(worker.clientId) (each worker needs its own task queue)",
                                 at: raw.data.values["task_queue"] ?? raw.node)
            } else {
                seen[key] = id
            }
        }
    }

    /// Rejects two workflows registered under the same Temporal type on one worker.
    func checkWorkflowNames(_ workflows: [String: WorkflowEntry], locations: [String: RawEntry]) {
        var seen: [String: String] = [:]
        for id in workflows.keys.sorted() {
            guard let workflow = workflows[id] else { continue }
            let key = "\(workflow.workerId)\u{0}\(workflow.temporalName)"
            if let other = seen[key], let raw = locations[id] {
                raw.reader.error("workflow type \(workflow.temporalName) is already registered by \(other)"
                                 + " on \(workflow.workerId) (set a different meta.temporal.workflow.name)",
                                 at: raw.node)
            } else {
                seen[key] = id
            }
        }
    }

    /// Reports each import cycle once, at the import that closes it.
    func checkImportCycles() {
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var stack: [String] = []
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            for (_, reference) in links.imports[id] ?? [] {
                let target = reference.targetId
                switch state[target] {
                case 1:
                    let start = stack.firstIndex(of: target) ?? 0
                    let cycle = (stack[start...] + [target]).joined(separator: " -> ")
                    reference.reader.error("import cycle: \(cycle)", at: reference.node)
                case nil:
                    visit(target)
                default:
                    break
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for id in links.imports.keys.sorted() where state[id] == nil {
            visit(id)
        }
    }

    /// A workflow may not reach an I/O module through its imports either.
    func checkWorkflowImports(_ workflows: [String: WorkflowEntry], registry: Registry) {
        for id in workflows.keys.sorted() {
            for (alias, reference) in links.imports[id] ?? [] {
                var visited: Set<String> = []
                var queue = [(reference.targetId, [reference.targetId])]
                var reported = false
                while !queue.isEmpty, !reported {
                    let (current, path) = queue.removeFirst()
                    guard visited.insert(current).inserted, let entry = registry.luaEntry(current) else { continue }
                    if let bad = entry.modules.first(where: { !ModuleCatalog.workflowModules.contains($0) }) {
                        let via = path.count > 1 ? " (via \(path.joined(separator: " -> ")))" : ""
                        reference.reader.error("imports.\(alias): \(current)\(via) lists module \(bad), which a"
                                               + " workflow may not use (workflows may only use"
                                               + " \(ModuleCatalog.list(ModuleCatalog.workflowModules)))",
                                               at: reference.node)
                        reported = true
                    }
                    for (_, next) in links.imports[current] ?? [] {
                        queue.append((next.targetId, path + [next.targetId]))
                    }
                }
            }
        }
    }
}
