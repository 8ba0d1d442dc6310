
/// Decodes the Lua entry kinds: `workflow.lua`, `function.lua`, `library.lua`.
struct LuaDecoder {
    static let ignoredKeys = ["pool": "function pools are not used by Moonflow"]

    let sourceResolver: SourceResolver
    let links: LinkState

    /// The fields all Lua kinds share.
    private struct Common {
        var source: LuaSource
        var method: String
        var modules: [String]
        var imports: [String: String]
    }

    func decodeWorkflow(_ raw: RawEntry) -> WorkflowEntry? {
        let common = decodeCommon(raw, kind: .workflow)
        let reader = raw.reader
        var workerId: String?
        var temporalName: String?
        var ok = true
        let section = temporalSection(raw, name: "workflow", known: ["worker", "name"], ignored: [:])
        if let section, let node = section["worker"] {
            if let reference = Reference.read(node, path: "meta.temporal.workflow.worker", expected: [.worker],
                                              namespace: raw.namespace, reader: reader) {
                workerId = reference.targetId
                links.references.append(reference)
            } else { ok = false }
        } else {
            reader.error("meta.temporal.workflow.worker is required (the temporal.worker id that polls for"
                         + " this workflow)", at: section?.node ?? raw.metaNodes["temporal"] ?? raw.node)
            ok = false
        }
        if let section, let node = section["name"] {
            if let name = reader.nonEmptyString(node, path: "meta.temporal.workflow.name") {
                temporalName = name
            } else { ok = false }
        }
        guard ok, let common, let workerId else { return nil }
        return WorkflowEntry(id: raw.id, namespace: raw.namespace, name: raw.name, source: common.source,
                             method: common.method, modules: common.modules, imports: common.imports,
                             workerId: workerId, temporalName: temporalName, meta: raw.meta)
    }

    func decodeFunction(_ raw: RawEntry) -> FunctionEntry? {
        let common = decodeCommon(raw, kind: .function)
        var workerId: String?
        var ok = true
        let section = temporalSection(raw, name: "activity", known: ["worker", "local"],
                                      ignored: ["local": "local activities run as normal activities"])
        if let section {
            if let node = section["worker"] {
                if let reference = Reference.read(node, path: "meta.temporal.activity.worker", expected: [.worker],
                                                  namespace: raw.namespace, reader: raw.reader) {
                    workerId = reference.targetId
                    links.references.append(reference)
                } else { ok = false }
            } else {
                raw.reader.error("meta.temporal.activity.worker is required when meta.temporal.activity is given"
                                 + " (the temporal.worker id that runs this activity)", at: section.node)
                ok = false
            }
        }
        guard ok, let common else { return nil }
        return FunctionEntry(id: raw.id, namespace: raw.namespace, name: raw.name, source: common.source,
                             method: common.method, modules: common.modules, imports: common.imports,
                             activityWorkerId: workerId, meta: raw.meta)
    }

    func decodeLibrary(_ raw: RawEntry) -> LibraryEntry? {
        guard let common = decodeCommon(raw, kind: .library) else { return nil }
        return LibraryEntry(id: raw.id, namespace: raw.namespace, name: raw.name, source: common.source,
                            modules: common.modules, imports: common.imports, meta: raw.meta)
    }

    // MARK: Shared fields

    private func decodeCommon(_ raw: RawEntry, kind: EntryKind) -> Common? {
        let reader = raw.reader
        var known: Set<String> = ["name", "kind", "meta", "source", "modules", "imports"]
        if kind != .library { known.insert("method") }
        guard let fields = reader.mapping(raw.node, path: "", known: known, ignored: Self.ignoredKeys)
        else { return nil }
        var ok = true
        var source: LuaSource?
        if let node = fields["source"] {
            if let value = reader.nonEmptyString(node, path: "source") {
                source = sourceResolver.resolve(value, node: node, entry: raw)
            }
        } else {
            reader.error("source is required (file://name.lua relative to this file, or inline Lua code)", at: raw.node)
        }
        var method = "main"
        if let node = fields["method"] {
            if let value = reader.nonEmptyString(node, path: "method") { method = value } else { ok = false }
        }
        var modules: [String] = []
        if let node = fields["modules"], node.tagName != .null {
            if let list = reader.stringList(node, path: "modules") {
                for (name, itemNode) in list {
                    switch checkModule(name, kind: kind, node: itemNode, reader: reader) {
                    case .allowed: if !modules.contains(name) { modules.append(name) }
                    case .skipped: break
                    case .rejected: ok = false
                    }
                }
            } else { ok = false }
        }
        var imports: [String: String] = [:]
        if let node = fields["imports"], node.tagName != .null {
            if let mapping = reader.mapping(node, path: "imports") {
                for alias in mapping.order {
                    guard let value = mapping[alias] else { continue }
                    if !Self.isModuleName(alias) {
                        reader.error("imports alias \"\(alias)\" is not a valid require name"
                                     + " (letters, digits, _ and .)", at: mapping.keys[alias])
                        ok = false
                        continue
                    }
                    if ModuleCatalog.knownModules.contains(alias) || ModuleCatalog.globals.contains(alias) {
                        reader.error("imports alias \"\(alias)\" shadows the built-in module \(alias);"
                                     + " choose another alias", at: mapping.keys[alias])
                        ok = false
                        continue
                    }
                    guard let reference = Reference.read(value, path: "imports.\(alias)",
                                                         expected: [.library, .function],
                                                         namespace: raw.namespace, reader: reader) else {
                        ok = false
                        continue
                    }
                    imports[alias] = reference.targetId
                    links.references.append(reference)
                    links.imports[raw.id, default: []].append((alias, reference))
                }
            } else { ok = false }
        }
        guard ok, let source else { return nil }
        return Common(source: source, method: method, modules: modules, imports: imports)
    }

    private enum ModuleCheck { case allowed, skipped, rejected }

    /// Checks one `modules` item for `kind`, reporting why it may not be listed.
    private func checkModule(_ name: String, kind: EntryKind, node: Node, reader: NodeReader) -> ModuleCheck {
        switch kind {
        case .workflow:
            if ModuleCatalog.workflowModules.contains(name) { return .allowed }
            if let why = ModuleCatalog.ioModules[name] {
                reader.error("module \(name) cannot be used in a workflow: \(why), and workflow code must be"
                             + " deterministic so it can be replayed; call an activity (a function.lua entry)"
                             + " that uses it", at: node)
                return .rejected
            }
            return reportOther(name, allowed: ModuleCatalog.workflowModules, node: node, reader: reader)
        case .function:
            if ModuleCatalog.activityModules.contains(name) { return .allowed }
            if name == "workflow" {
                reader.error("module workflow is only available in workflows (workflow.lua entries)", at: node)
                return .rejected
            }
            return reportOther(name, allowed: ModuleCatalog.activityModules, node: node, reader: reader)
        default:
            if ModuleCatalog.knownModules.contains(name) { return .allowed }
            return reportOther(name, allowed: ModuleCatalog.knownModules, node: node, reader: reader)
        }
    }

    private func reportOther(_ name: String, allowed: Set<String>, node: Node, reader: NodeReader) -> ModuleCheck {
        if ModuleCatalog.globals.contains(name) {
            reader.warning("module \(name) is a global and needs no listing", at: node)
            return .skipped
        }
        reader.error("unknown module \(name)\(Suggestion.didYouMean(name, in: allowed))"
                     + " (known modules: \(ModuleCatalog.list(allowed)))", at: node)
        return .rejected
    }

    /// The `meta.temporal.<name>` mapping, or `nil` when absent (problems reported).
    private func temporalSection(_ raw: RawEntry, name: String, known: Set<String>,
                                 ignored: [String: String]) -> Fields? {
        let reader = raw.reader
        guard let temporal = raw.metaNodes["temporal"], temporal.tagName != .null,
              let temporalFields = reader.mapping(temporal, path: "meta.temporal") else { return nil }
        guard let node = temporalFields[name], node.tagName != .null else { return nil }
        return reader.mapping(node, path: "meta.temporal.\(name)", known: known, ignored: ignored)
    }

    private static func isModuleName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0 == "." || $0.isLetter || $0.isNumber }
    }
}
