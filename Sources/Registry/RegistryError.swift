/// One problem found while loading a registry.
///
/// Rendered as `file:line:column: entry-id: message`; the location and entry
/// parts are left out when unknown.
public struct RegistryError: Sendable, Hashable, CustomStringConvertible {
    /// The YAML file, relative to the registry root (or the root itself for
    /// directory-level problems).
    public let file: String
    /// 1-based line in `file`, when known.
    public let line: Int?
    /// 1-based column in `file`, when known.
    public let column: Int?
    /// The entry the problem belongs to (`namespace:name`), when known.
    public let entryId: String?
    /// What is wrong and what was expected.
    public let message: String

    /// Creates a problem report.
    public init(file: String, line: Int?, column: Int?, entryId: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.entryId = entryId
        self.message = message
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let entryId { text += "\(entryId): " }
        return text + message
    }

    /// Orders by file, then line, then column, then message.
    static func ordered(_ lhs: RegistryError, _ rhs: RegistryError) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if (lhs.column ?? 0) != (rhs.column ?? 0) { return (lhs.column ?? 0) < (rhs.column ?? 0) }
        return lhs.message < rhs.message
    }
}

/// Every problem found in one load; loading is all-or-nothing.
public struct RegistryErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by file, line and column.
    public let errors: [RegistryError]

    /// Creates the collection, sorting the problems.
    public init(_ errors: [RegistryError]) {
        self.errors = errors.sorted(by: RegistryError.ordered)
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
