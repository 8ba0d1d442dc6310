import TemporalModel

/// Loads a registry directory into a validated ``Registry``.
///
/// Every `*.yaml` / `*.yml` file under the directory is read (hidden files and
/// directories are skipped, files are read in path order). Loading is
/// all-or-nothing: every problem of every file is collected and thrown
/// together as ``RegistryErrors``. Nothing touches the network.
public enum RegistryLoader {
    /// Loads and validates the registry under `directory`.
    ///
    /// - Parameters:
    ///   - directory: the registry root; relative paths are taken from the current directory.
    ///   - environment: values for `${env:NAME}` placeholders (default: the process environment).
    public static func load(
        directory: String,
        environment: [String: String] = HostProcess.environment
    ) throws(RegistryErrors) -> Registry {
        let root = Paths.absolute(directory, base: Paths.currentDirectory)
        let diagnostics = Diagnostics()
        guard FileSystem.kind(atPath: root) == .directory else {
            throw RegistryErrors([RegistryError(file: directory, line: nil, column: nil, entryId: nil,
                                                message: "registry directory does not exist")])
        }
        let files = registryFiles(root: root)
        if files.isEmpty {
            diagnostics.error("no *.yaml or *.yml files found in the registry directory",
                              file: directory, at: nil, entryId: nil)
        }

        // 1. Parse files into raw entries; reject duplicate ids.
        var raws: [RawEntry] = []
        var byId: [String: RawEntry] = [:]
        for file in files {
            for raw in FileParser(file: file, environment: environment, diagnostics: diagnostics).parse() {
                if let first = byId[raw.id] {
                    let line = ":\(first.node.mark.line)"
                    raw.reader.error("duplicate entry id \(raw.id) (first defined at \(first.file.relativePath)\(line))",
                                     at: raw.node)
                    continue
                }
                byId[raw.id] = raw
                raws.append(raw)
            }
        }

        // 2. Decode each entry by kind.
        let links = LinkState()
        let luaDecoder = LuaDecoder(sourceResolver: SourceResolver(root: root), links: links)
        let workerDecoder = WorkerDecoder(links: links)
        let clientDecoder = ClientDecoder()
        var clients: [String: ClientEntry] = [:]
        var workers: [String: WorkerEntry] = [:]
        var workflows: [String: WorkflowEntry] = [:]
        var functions: [String: FunctionEntry] = [:]
        var libraries: [String: LibraryEntry] = [:]
        var declared: [String: String] = [:]
        for raw in raws {
            guard let kind = EntryKind(rawValue: raw.kind) else {
                let known = EntryKind.allCases.map(\.rawValue)
                raw.reader.error("unknown kind \(raw.kind)\(Suggestion.didYouMean(raw.kind, in: known))"
                                 + " (known kinds: \(known.joined(separator: ", ")))", at: raw.kindNode)
                declared[raw.id] = Linker.unknownKind  // reported once, not again by every reference
                continue
            }
            declared[raw.id] = kind.rawValue
            switch kind {
            case .client: clients[raw.id] = clientDecoder.decode(raw)
            case .worker: workers[raw.id] = workerDecoder.decode(raw)
            case .workflow: workflows[raw.id] = luaDecoder.decodeWorkflow(raw)
            case .function: functions[raw.id] = luaDecoder.decodeFunction(raw)
            case .library: libraries[raw.id] = luaDecoder.decodeLibrary(raw)
            }
        }

        // 3. Whole-registry checks.
        let linker = Linker(declared: declared, links: links, diagnostics: diagnostics)
        linker.checkReferences()
        linker.linkWorkers(&workers, clients: clients, locations: byId)
        linker.checkWorkflowNames(workflows, locations: byId)
        linker.checkImportCycles()
        var registry = Registry(root: root)
        registry.clients = clients
        registry.workers = workers
        registry.workflows = workflows
        registry.functions = functions
        registry.libraries = libraries
        linker.checkWorkflowImports(workflows, registry: registry)

        guard diagnostics.errors.isEmpty else { throw RegistryErrors(diagnostics.errors) }
        registry.warnings = diagnostics.warnings.sorted(by: RegistryError.ordered)
        return registry
    }

    /// The registry's YAML files, sorted by relative path.
    static func registryFiles(root: String) -> [RegistryFile] {
        var files: [RegistryFile] = []
        for path in FileSystem.regularFiles(under: root) where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            let absolute = Paths.normalize(path)
            let relative = Paths.relative(absolute, to: root) ?? absolute
            files.append(RegistryFile(relativePath: relative, absolutePath: absolute))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}
