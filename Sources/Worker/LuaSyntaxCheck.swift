import LuaRuntime
import Registry

/// Compiles Lua sources (without running them) and reports syntax errors as
/// registry problems with file and line: every `*.lua` file under the
/// registry root, and the inline sources of a loaded registry.
public enum LuaSyntaxCheck {
    /// Every `*.lua` file under `root` (hidden folders skipped).
    public static func problems(inDirectory root: String) -> [RegistryError] {
        guard let lua = try? LuaState() else { return [cannotCheck(root)] }
        var problems: [RegistryError] = []
        for path in luaFiles(under: root) {
            let relative = String(path.dropFirst(root.count).drop { $0 == "/" })
            guard let data = FileSystem.read(path) else { continue }
            if let problem = check(lua, source: String(decoding: data, as: UTF8.self), chunkName: relative,
                                   file: relative, entryId: nil) {
                problems.append(problem)
            }
        }
        return problems
    }

    /// Inline sources (`source:` without `file://`) of a loaded registry.
    public static func problems(inInlineSourcesOf registry: Registry) -> [RegistryError] {
        guard let lua = try? LuaState() else { return [cannotCheck(registry.root)] }
        let entries: [any LuaEntry] = Array(registry.workflows.values) + Array(registry.functions.values)
            + Array(registry.libraries.values)
        return entries.filter { $0.source.path == nil }.sorted { $0.id < $1.id }.compactMap { entry in
            check(lua, source: entry.source.text, chunkName: entry.source.chunkName, file: entry.source.chunkName,
                  entryId: entry.id)
        }
    }

    /// For `moonflow run`: removes every workflow and function entry whose
    /// Lua (its own source or a library it imports) does not compile, so the
    /// rest of the registry keeps serving; returns the problems to log.
    /// (`moonflow check` fails on them instead.)
    public static func disableBroken(in registry: inout Registry) -> [RegistryError] {
        guard let lua = try? LuaState() else { return [cannotCheck(registry.root)] }
        var problems: [RegistryError] = []
        var broken: [String: RegistryError] = [:]
        func problem(of entry: any LuaEntry) -> RegistryError? {
            if let known = broken[entry.id] { return known }
            let found = check(lua, source: entry.source.text, chunkName: entry.source.luaChunkName,
                              file: entry.source.path ?? entry.source.chunkName, entryId: entry.id)
            if let found { broken[entry.id] = found }
            return found
        }
        func disabled(_ entry: any LuaEntry) -> RegistryError? {
            if let own = problem(of: entry) { return own }
            for id in entry.imports.values.sorted() {
                if let library = registry.luaEntry(id), let cause = problem(of: library) {
                    return RegistryError(file: cause.file, line: cause.line, column: cause.column, entryId: entry.id,
                                         message: "imports \(id), which does not compile: \(cause.message)")
                }
            }
            return nil
        }
        for id in registry.workflows.keys.sorted() {
            if let entry = registry.workflows[id], let error = disabled(entry) {
                registry.workflows[id] = nil
                problems.append(error)
            }
        }
        for id in registry.functions.keys.sorted() {
            if let entry = registry.functions[id], let error = disabled(entry) {
                registry.functions[id] = nil
                problems.append(error)
            }
        }
        return problems
    }

    private static func check(_ lua: LuaState, source: String, chunkName: String, file: String,
                              entryId: String?) -> RegistryError? {
        do {
            try lua.load(source: source, chunkName: chunkName).release()
            return nil
        } catch {
            // "order.lua:12: unexpected symbol near 'end'" → line 12.
            let parts = error.message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, let line = Int(parts[1]) {
                return RegistryError(file: file, line: line, column: nil, entryId: entryId,
                                     message: "Lua syntax error:" + parts[2])
            }
            return RegistryError(file: file, line: nil, column: nil, entryId: entryId, message: error.message)
        }
    }

    private static func luaFiles(under root: String) -> [String] {
        FileSystem.regularFiles(under: root).filter { $0.hasSuffix(".lua") }.sorted()
    }

    private static func cannotCheck(_ root: String) -> RegistryError {
        RegistryError(file: root, line: nil, column: nil, entryId: nil, message: "cannot create a Lua state to check sources")
    }
}
