/// Helpers for registry entry ids (`namespace:name`).
public enum EntryID {
    /// Builds the id of entry `name` in `namespace`.
    public static func make(namespace: String, name: String) -> String {
        "\(namespace):\(name)"
    }

    /// Resolves a reference: `ns:name` stays as is, a bare `name` takes `defaultNamespace`.
    public static func resolve(_ reference: String, defaultNamespace: String) -> String {
        reference.contains(":") ? reference : make(namespace: defaultNamespace, name: reference)
    }

    /// Splits an id into namespace and name; `nil` unless it has exactly one colon
    /// with text on both sides.
    public static func split(_ id: String) -> (namespace: String, name: String)? {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Whether `namespace` is valid: dot-separated segments of letters, digits, `_` and `-`.
    public static func isValidNamespace(_ namespace: String) -> Bool {
        let segments = namespace.split(separator: ".", omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { segment in
            !segment.isEmpty && segment.allSatisfy(isNameCharacter)
        }
    }

    /// Whether `name` is a valid entry name: letters, digits, `_`, `-` and `.`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { isNameCharacter($0) || $0 == "." }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}

/// The entry kinds a registry may contain.
public enum EntryKind: String, Sendable, CaseIterable {
    /// `temporal.client`: a connection to a Temporal cluster.
    case client = "temporal.client"
    /// `temporal.worker`: polls one task queue through a client.
    case worker = "temporal.worker"
    /// `workflow.lua`: a workflow definition.
    case workflow = "workflow.lua"
    /// `function.lua`: a Lua function; an activity when it has `meta.temporal.activity.worker`.
    case function = "function.lua"
    /// `library.lua`: shared Lua code for `imports`.
    case library = "library.lua"
}
