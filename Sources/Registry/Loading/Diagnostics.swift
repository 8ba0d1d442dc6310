
/// Collects every error and warning of one load.
final class Diagnostics {
    private(set) var errors: [RegistryError] = []
    private(set) var warnings: [RegistryError] = []

    func error(_ message: String, file: String, at location: Location?, entryId: String?) {
        errors.append(RegistryError(file: file, line: location?.line, column: location?.column,
                                    entryId: entryId, message: message))
    }

    func warning(_ message: String, file: String, at location: Location?, entryId: String?) {
        warnings.append(RegistryError(file: file, line: location?.line, column: location?.column,
                                      entryId: entryId, message: message))
    }
}

/// A 1-based line and column in a file.
struct Location: Hashable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }

    init?(_ node: Node?) {
        self.init(node?.mark)
    }
}

/// A YAML file of the registry.
struct RegistryFile {
    /// Path relative to the registry root, used in messages.
    let relativePath: String
    /// Absolute path.
    let absolutePath: String
    /// Absolute path of the directory holding the file.
    var directory: String {
        guard let slash = absolutePath.lastIndex(of: "/") else { return "." }
        return slash == absolutePath.startIndex ? "/" : String(absolutePath[..<slash])
    }
}

/// Suggests the closest candidate to a misspelt word.
enum Suggestion {
    /// `" (did you mean \"x\"?)"`, or `""` when nothing is close.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return "" }
        let limit = max(1, min(3, candidate.count / 3))
        return distance <= limit ? " (did you mean \"\(candidate)\"?)" : ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
