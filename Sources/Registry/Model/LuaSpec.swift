import TemporalModel

extension Registry {
    /// What the Lua preludes need to load an entry: its source and chunk
    /// name, method, id, allowed modules and the sources of its imports
    /// (`{source, chunkname, method, entry_id, modules = {name = true},
    /// libraries = {alias = {source, chunkname}}}`).
    public func luaSpec(for entry: any LuaEntry, method: String) -> [String: JSONValue] {
        var libraries: [String: JSONValue] = [:]
        for (alias, id) in entry.imports {
            if let lib = luaEntry(id) {
                libraries[alias] = .object(["source": .string(lib.source.text),
                                            "chunkname": .string(lib.source.luaChunkName)])
            }
        }
        return [
            "source": .string(entry.source.text),
            "chunkname": .string(entry.source.luaChunkName),
            "method": .string(method),
            "entry_id": .string(entry.id),
            "modules": .object(Dictionary(uniqueKeysWithValues: entry.modules.map { ($0, JSONValue.bool(true)) })),
            "libraries": .object(libraries),
        ]
    }
}

extension LuaSource {
    /// The chunk name as Lua's `load` wants it: `@file.lua` (errors then
    /// read `file.lua:12:`), or `=name` kept as it is.
    public var luaChunkName: String {
        chunkName.hasPrefix("@") || chunkName.hasPrefix("=") ? chunkName : "@" + chunkName
    }
}
