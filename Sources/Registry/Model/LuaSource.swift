import TemporalModel

/// Lua code of a registry entry, with the names used in error messages.
public struct LuaSource: Sendable, Hashable {
    /// The Lua source text.
    public var text: String
    /// The chunk name passed to `lua_load`: `@path` for a file (so tracebacks
    /// read `shop/order_workflow.lua:12:`), `=namespace:name` for inline source.
    public var chunkName: String
    /// The file's path for display: relative to the registry root when inside
    /// it, absolute otherwise; `nil` for inline source.
    public var path: String?
    /// The absolute path of the file the text was read from; `nil` for inline source.
    public var absolutePath: String?

    /// Creates a source value.
    public init(text: String, chunkName: String, path: String?, absolutePath: String? = nil) {
        self.text = text
        self.chunkName = chunkName
        self.path = path
        self.absolutePath = absolutePath
    }
}

/// The fields every Lua entry (`workflow.lua`, `function.lua`, `library.lua`) has.
public protocol LuaEntry: Sendable {
    /// The entry id, `namespace:name`.
    var id: String { get }
    /// The entry's namespace.
    var namespace: String { get }
    /// The entry's name.
    var name: String { get }
    /// The Lua code.
    var source: LuaSource { get }
    /// Modules the code may `require` (its allow-list).
    var modules: [String] { get }
    /// `require` alias → entry id of a `library.lua` or `function.lua` entry.
    var imports: [String: String] { get }
    /// The merged meta (file meta under entry meta).
    var meta: JSONValue { get }
}
