
/// Lexical path helpers (no symlink resolution, so results are predictable).
enum Paths {
    /// `path` made absolute against `base` and normalised (`.`, `..`, `//` removed).
    static func absolute(_ path: String, base: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// Normalises an absolute path lexically.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `root`, or `nil` when it is not inside `root`.
    static func relative(_ path: String, to root: String) -> String? {
        if root == "/" { return String(path.dropFirst()) }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }

    /// The current directory.
    static var currentDirectory: String {
        FileSystem.currentDirectory
    }
}
