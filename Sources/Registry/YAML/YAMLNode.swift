/// A 1-based line and column in a YAML text.
struct Mark: Hashable, Sendable {
    let line: Int
    let column: Int
}

/// The resolved tag of a node: the YAML 1.1 types of the default schema,
/// or another (explicit) tag as written.
enum YAMLTag: Hashable, Sendable {
    case null, bool, int, float, str, timestamp, merge, value, map, seq
    case other(String)

    /// `tag:yaml.org,2002:NAME` (how libyaml expands `!!NAME`) as a case.
    init(explicit tag: String) {
        let prefix = "tag:yaml.org,2002:"
        guard tag.hasPrefix(prefix) else { self = .other(tag); return }
        switch tag.dropFirst(prefix.count) {
        case "null": self = .null
        case "bool": self = .bool
        case "int": self = .int
        case "float": self = .float
        case "str": self = .str
        case "timestamp": self = .timestamp
        case "merge": self = .merge
        case "value": self = .value
        case "map": self = .map
        case "seq": self = .seq
        default: self = .other(tag)
        }
    }
}

/// A scalar: its text, resolved tag, whether it was written plain (not
/// quoted, not a block scalar), and where it starts.
struct YAMLScalar: Sendable {
    let string: String
    let tag: YAMLTag
    let plain: Bool
    let mark: Mark
}

/// A mapping's pairs in the order written.
struct YAMLMapping: RandomAccessCollection, Sendable {
    let pairs: [(key: Node, value: Node)]
    let tag: YAMLTag
    let mark: Mark

    var startIndex: Int { pairs.startIndex }
    var endIndex: Int { pairs.endIndex }
    subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
}

/// A sequence's items.
struct YAMLSequence: RandomAccessCollection, Sendable {
    let items: [Node]
    let tag: YAMLTag
    let mark: Mark

    var startIndex: Int { items.startIndex }
    var endIndex: Int { items.endIndex }
    subscript(position: Int) -> Node { items[position] }
}

/// One node of a composed YAML document. Aliases are resolved to the node
/// their anchor names (as the YAML representation graph has it), so there
/// is no alias case.
indirect enum Node: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    var mark: Mark {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }

    /// The resolved tag (`str`, `int`, `float`, `bool`, `null`, `map`, `seq`, ...).
    var tagName: YAMLTag {
        switch self {
        case .scalar(let s): return s.tag
        case .mapping(let m): return m.tag
        case .sequence(let s): return s.tag
        }
    }

    /// The text of a scalar.
    var string: String? {
        guard case .scalar(let s) = self else { return nil }
        return s.string
    }

    /// A scalar's boolean (`true`/`yes`/`on`, `false`/`no`/`off`, any case),
    /// unless it is tagged `str`.
    var bool: Bool? {
        guard case .scalar(let s) = self, s.tag != .str else { return nil }
        return YAMLScalars.bool(s.string)
    }

    /// A plain scalar's integer (decimal, `0x`, `0b`, `0o`/`0` octal, `_`
    /// separators, sexagesimal `1:30`).
    var int: Int? {
        guard case .scalar(let s) = self, s.plain else { return nil }
        return YAMLScalars.int(s.string)
    }

    /// A plain scalar's number (`1.5`, `1e3`, `.inf`, `.nan`, `_`
    /// separators, sexagesimal `1:30.5`).
    var float: Double? {
        guard case .scalar(let s) = self, s.plain else { return nil }
        return YAMLScalars.float(s.string)
    }
}
