import TemporalModel

/// Reads typed values out of YAML nodes for one file (and entry), reporting
/// every problem to the shared ``Diagnostics`` instead of stopping.
struct NodeReader {
    let file: RegistryFile
    let entryId: String?
    let environment: [String: String]
    let diagnostics: Diagnostics

    func with(entryId: String?) -> NodeReader {
        NodeReader(file: file, entryId: entryId, environment: environment, diagnostics: diagnostics)
    }

    // MARK: Reporting

    func error(_ message: String, at node: Node?) {
        diagnostics.error(message, file: file.relativePath, at: Location(node), entryId: entryId)
    }

    func error(_ message: String, at location: Location?) {
        diagnostics.error(message, file: file.relativePath, at: location, entryId: entryId)
    }

    func warning(_ message: String, at node: Node?) {
        diagnostics.warning(message, file: file.relativePath, at: Location(node), entryId: entryId)
    }

    // MARK: Mappings

    /// The node as a mapping with string keys, or `nil` (reported) when it is not one.
    /// Keys outside `known` are errors (with a suggestion) unless listed in
    /// `ignored`, which are warnings carrying the given reason.
    func mapping(_ node: Node, path: String, known: Set<String>? = nil,
                 ignored: [String: String] = [:]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(path) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error("\(path) keys must be strings", at: keyNode)
                continue
            }
            let key = scalar.string
            let fullPath = path.isEmpty ? key : "\(path).\(key)"
            if let known, !known.contains(key) {
                if let reason = ignored[key] {
                    warning("\(fullPath) is ignored: \(reason)", at: keyNode)
                } else {
                    error("unknown key \(fullPath)\(Suggestion.didYouMean(key, in: known))"
                          + " (known keys: \(known.sorted().joined(separator: ", ")))", at: keyNode)
                }
                continue
            }
            fields.values[key] = value
            fields.keys[key] = keyNode
            fields.order.append(key)
        }
        return fields
    }

    // MARK: Scalars

    /// A string (numbers are taken as written), with `${env:}` replaced.
    func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(path) must be a string, found \(describe(node))", at: node)
            return nil
        }
        switch node.tagName {
        case .str, .int, .float, .timestamp:
            return interpolate(scalar.string, at: node, path: path)
        default:
            error("\(path) must be a string, found \(describe(node))", at: node)
            return nil
        }
    }

    /// A string that must not be empty.
    func nonEmptyString(_ node: Node, path: String, meaning: String = "") -> String? {
        guard let value = string(node, path: path) else { return nil }
        if value.trimmingWhitespace().isEmpty {
            error("\(path) must not be empty\(meaning.isEmpty ? "" : " (\(meaning))")", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: Node, path: String) -> Bool? {
        if node.tagName == .bool, let value = node.bool { return value }
        error("\(path) must be true or false, found \(describe(node))", at: node)
        return nil
    }

    /// An integer of at least `minimum`.
    func int(_ node: Node, path: String, minimum: Int) -> Int? {
        guard node.tagName == .int, let value = node.int else {
            error("\(path) must be an integer, found \(describe(node))", at: node)
            return nil
        }
        guard value >= minimum else {
            error("\(path) must be at least \(minimum), found \(value)", at: node)
            return nil
        }
        return value
    }

    /// A duration: a string like `"5s"` or a number of milliseconds.
    func duration(_ node: Node, path: String) -> Duration? {
        do {
            switch node.tagName {
            case .int:
                guard let value = node.int else { break }
                return try DurationParser.fromMilliseconds(Int64(value))
            case .float:
                guard let value = node.float else { break }
                return try DurationParser.fromMilliseconds(value)
            case .str:
                guard let text = string(node, path: path) else { return nil }
                return try DurationParser.parse(text)
            default:
                break
            }
        } catch {
            self.error("\(path): \(error.message)", at: node)
            return nil
        }
        error("\(path) must be a duration like \"500ms\", \"5s\" or \"1h30m\", or a number of milliseconds,"
              + " found \(describe(node))", at: node)
        return nil
    }

    /// A list of strings.
    func stringList(_ node: Node, path: String) -> [(value: String, node: Node)]? {
        guard case .sequence(let sequence) = node else {
            error("\(path) must be a list of strings, found \(describe(node))", at: node)
            return nil
        }
        var result: [(String, Node)] = []
        for (index, item) in sequence.enumerated() {
            if let value = nonEmptyString(item, path: "\(path)[\(index)]") { result.append((value, item)) }
        }
        return result
    }

    // MARK: Free-form values

    /// Any YAML value as JSON, with `${env:}` replaced in strings.
    func json(_ node: Node, path: String) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tagName {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int:
                if let value = node.int { return .int(Int64(value)) }
                return node.float.map(JSONValue.double) ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(interpolate(scalar.string, at: node, path: path) ?? scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { json($1, path: "\(path)[\($0)]") })
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                object[name] = json(value, path: path.isEmpty ? name : "\(path).\(name)")
            }
            return .object(object)
        }
    }

    // MARK: Helpers

    func interpolate(_ text: String, at node: Node, path: String) -> String? {
        switch EnvInterpolation.apply(text, environment: environment) {
        case .success(let value):
            return value
        case .failure(let problems):
            for problem in problems.items {
                switch problem {
                case .missing(let name):
                    error("\(path): environment variable \(name) is not set (used as ${env:\(name)})", at: node)
                case .malformed(let text):
                    error("\(path): malformed placeholder \(text) (expected ${env:NAME})", at: node)
                }
            }
            return nil
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch node.tagName {
            case .null: return "null"
            case .bool: return "boolean \(scalar.string)"
            case .int: return "integer \(scalar.string)"
            case .float: return "number \(scalar.string)"
            default: return "\"\(scalar.string)\""
            }
        }
    }
}

/// The string-keyed fields of a YAML mapping, with their key nodes for locations.
struct Fields {
    let node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]
    var order: [String] = []

    subscript(key: String) -> Node? { values[key] }

    /// Whether `key` is present and not null.
    func has(_ key: String) -> Bool {
        guard let value = values[key] else { return false }
        return value.tagName != .null
    }
}
