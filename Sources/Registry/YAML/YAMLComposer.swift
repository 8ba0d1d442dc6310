import CYAML

/// Why a YAML text could not be composed.
struct YAMLError: Error, Sendable {
    enum Kind: Sendable, Equatable {
        /// libyaml's scanner, parser or this composer (bad syntax, an
        /// undefined alias, more than one document).
        case syntax
        /// Two equal keys in one mapping (`keys` sorted).
        case duplicateKeys([String])
        /// The input is not text libyaml can read (invalid UTF-8, a control
        /// character).
        case reader
        case memory
    }

    let kind: Kind
    let problem: String
    let mark: Mark?
    /// libyaml's context (what it was reading) and where that started.
    let context: (text: String, mark: Mark)?
}

/// Composes a YAML text into one `Node` tree with libyaml's event parser:
/// anchors and aliases resolved, plain scalars typed by the YAML 1.1 rules
/// (`YAMLScalars`), duplicate mapping keys rejected.
enum YAMLComposer {
    /// The single document of `text` (nil when the text has none: empty, or
    /// only comments). More than one document is an error.
    static func compose(_ text: String) throws(YAMLError) -> Node? {
        var bytes = Array(text.utf8)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(kind: .memory, problem: "out of memory", mark: nil, context: nil)
        }
        defer { yaml_parser_delete(parser) }
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> Node? in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var composer = Composer(parser: parser, bytes: UnsafeBufferPointer(buffer))
            return try composer.stream()
        }
    }

    private struct Composer {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let bytes: UnsafeBufferPointer<UInt8>
        var anchors: [String: Node] = [:]

        init(parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeBufferPointer<UInt8>) {
            self.parser = parser
            self.bytes = bytes
        }

        /// One parsed event, deleted when it goes.
        final class Event {
            var raw = yaml_event_t()
            deinit { yaml_event_delete(&raw) }
            var type: yaml_event_type_t { raw.type }
            var mark: Mark { Mark(line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1) }
        }

        mutating func next() throws(YAMLError) -> Event {
            let event = Event()
            guard yaml_parser_parse(parser, &event.raw) == 1 else { throw parseError() }
            return event
        }

        mutating func stream() throws(YAMLError) -> Node? {
            _ = try next()                                           // STREAM-START
            let first = try next()
            if first.type == YAML_STREAM_END_EVENT { return nil }   // no document
            let root = try node(from: try next())                    // after DOCUMENT-START
            _ = try next()                                           // DOCUMENT-END
            let after = try next()
            if after.type != YAML_STREAM_END_EVENT {
                throw YAMLError(kind: .syntax, problem: "but found another document", mark: after.mark,
                                context: ("expected a single document in the stream", Mark(line: 1, column: 1)))
            }
            return root
        }

        mutating func node(from event: Event) throws(YAMLError) -> Node {
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.raw.data.alias.anchor) ?? ""
                guard let node = anchors[name] else {
                    throw YAMLError(kind: .syntax, problem: "found undefined alias", mark: event.mark, context: nil)
                }
                return node
            case YAML_SCALAR_EVENT:
                let data = event.raw.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)),
                                  as: UTF8.self)
                let plain = data.style == YAML_PLAIN_SCALAR_STYLE
                let tag: YAMLTag
                if let explicit = Self.string(data.tag), explicit != "!" {
                    tag = YAMLTag(explicit: explicit)
                } else if data.quoted_implicit == 1 || !plain || Self.string(data.tag) == "!" {
                    tag = .str
                } else {
                    tag = YAMLScalars.resolve(text)
                }
                let node = Node.scalar(YAMLScalar(string: text, tag: tag, plain: plain, mark: event.mark))
                register(Self.string(data.anchor), node)
                return node
            case YAML_SEQUENCE_START_EVENT:
                let anchor = Self.string(event.raw.data.sequence_start.anchor)
                let tag = Self.string(event.raw.data.sequence_start.tag).map(YAMLTag.init(explicit:)) ?? .seq
                var items: [Node] = []
                var item = try next()
                while item.type != YAML_SEQUENCE_END_EVENT {
                    items.append(try node(from: item))
                    item = try next()
                }
                let node = Node.sequence(YAMLSequence(items: items, tag: tag, mark: event.mark))
                register(anchor, node)
                return node
            case YAML_MAPPING_START_EVENT:
                let anchor = Self.string(event.raw.data.mapping_start.anchor)
                let tag = Self.string(event.raw.data.mapping_start.tag).map(YAMLTag.init(explicit:)) ?? .map
                var pairs: [(key: Node, value: Node)] = []
                var keyEvent = try next()
                while keyEvent.type != YAML_MAPPING_END_EVENT {
                    let key = try node(from: keyEvent)
                    let value = try node(from: try next())
                    pairs.append((key, value))
                    keyEvent = try next()
                }
                try Self.checkDuplicates(pairs)
                let node = Node.mapping(YAMLMapping(pairs: pairs, tag: tag, mark: event.mark))
                register(anchor, node)
                return node
            default:
                throw YAMLError(kind: .syntax, problem: "unexpected event \(event.type.rawValue)", mark: event.mark,
                                context: nil)
            }
        }

        mutating func register(_ anchor: String?, _ node: Node) {
            if let anchor { anchors[anchor] = node }   // a later anchor of the same name shadows
        }

        /// Equal scalar keys (same text, same tag) in one mapping: an error at
        /// the first occurrence of the smallest of them.
        static func checkDuplicates(_ pairs: [(key: Node, value: Node)]) throws(YAMLError) {
            guard pairs.count > 1 else { return }
            var seen: [String: Mark] = [:]
            var duplicates: [String: Mark] = [:]
            for (key, _) in pairs {
                guard case .scalar(let scalar) = key else { continue }
                let identity = "\(scalar.tag)\u{0}\(scalar.string)"
                if let first = seen[identity] {
                    if duplicates[scalar.string] == nil { duplicates[scalar.string] = first }
                } else {
                    seen[identity] = scalar.mark
                }
            }
            guard let smallest = duplicates.keys.min() else { return }
            throw YAMLError(kind: .duplicateKeys(duplicates.keys.sorted()), problem: "duplicate keys",
                            mark: duplicates[smallest], context: nil)
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        func parseError() -> YAMLError {
            let p = parser.pointee
            let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
            let mark = Mark(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
            let context = p.context.map {
                (String(cString: $0), Mark(line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1))
            }
            switch p.error {
            case YAML_MEMORY_ERROR:
                return YAMLError(kind: .memory, problem: "out of memory", mark: nil, context: nil)
            case YAML_READER_ERROR:
                return YAMLError(kind: .reader, problem: problem, mark: Self.mark(atByte: Int(p.problem_offset), in: bytes),
                                 context: nil)
            default:
                return YAMLError(kind: .syntax, problem: problem, mark: mark, context: context)
            }
        }

        /// Line and column (in Unicode scalars) of a byte offset.
        static func mark(atByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
            var line = 1, column = 1
            for index in 0..<min(offset, bytes.count) {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {   // not a UTF-8 continuation byte
                    column += 1
                }
            }
            return Mark(line: line, column: column)
        }
    }
}
