
/// Turns an entry's `source` value into Lua text: `file://rel.lua` (relative to
/// the YAML file, must stay inside the registry root), `file:///abs.lua`, or
/// inline Lua code.
struct SourceResolver {
    /// Absolute, normalised registry root.
    let root: String

    func resolve(_ value: String, node: Node, entry: RawEntry) -> LuaSource? {
        let reader = entry.reader
        let prefix = "file://"
        guard value.hasPrefix(prefix) else {
            return LuaSource(text: value, chunkName: "=\(entry.id)", path: nil)
        }
        let written = String(value.dropFirst(prefix.count))
        guard !written.isEmpty else {
            reader.error("source \"\(value)\" names no file (expected file://name.lua)", at: node)
            return nil
        }
        let absolute = Paths.absolute(written, base: entry.file.directory)
        let relative = Paths.relative(absolute, to: root)
        if !written.hasPrefix("/") && relative == nil {
            reader.error("source \"\(value)\" escapes the registry root \(root)"
                         + " (relative sources must stay inside it; use file:///absolute/path to go outside)",
                         at: node)
            return nil
        }
        let display = relative ?? absolute
        guard let kind = FileSystem.kind(atPath: absolute) else {
            reader.error("source file \(display) does not exist (from \"\(value)\")", at: node)
            return nil
        }
        guard kind != .directory, let read = FileSystem.readText(absolute) else {
            reader.error("source \(display) is not a readable file", at: node)
            return nil
        }
        guard case .text(let text) = read else {
            reader.error("source file \(display) is not valid UTF-8", at: node)
            return nil
        }
        return LuaSource(text: text, chunkName: "@\(display)", path: display, absolutePath: absolute)
    }
}
