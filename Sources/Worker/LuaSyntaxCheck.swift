import LuaRuntime
import Registry

/// Compiles every Lua entry of a registry (without running it) and reports
/// syntax errors as registry problems with file and line.
public enum LuaSyntaxCheck {
    public static func problems(in registry: Registry) -> [RegistryError] {
        guard let lua = try? LuaState() else {
            return [RegistryError(file: registry.root, line: nil, column: nil, entryId: nil,
                                  message: "cannot create a Lua state to check sources")]
        }
        var problems: [RegistryError] = []
        var seen: Set<String> = []
        let entries: [any LuaEntry] = Array(registry.workflows.values) + Array(registry.functions.values)
            + Array(registry.libraries.values)
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            let key = entry.source.chunkName + "\u{0}" + entry.source.text
            if !seen.insert(key).inserted { continue }   // one file shared by several entries
            do {
                let fn = try lua.load(source: entry.source.text, chunkName: entry.source.chunkName)
                fn.release()
            } catch {
                problems.append(problem(error.message, entry: entry))
            }
        }
        return problems
    }

    /// `order.lua:12: unexpected symbol near 'end'` → file, line, message.
    private static func problem(_ message: String, entry: any LuaEntry) -> RegistryError {
        let file = entry.source.path ?? entry.source.chunkName
        let parts = message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, let line = Int(parts[1]) {
            return RegistryError(file: file, line: line, column: nil, entryId: entry.id,
                                 message: "Lua syntax error:" + parts[2])
        }
        return RegistryError(file: file, line: nil, column: nil, entryId: entry.id, message: message)
    }
}
