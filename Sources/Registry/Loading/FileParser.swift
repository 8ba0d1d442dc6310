import TemporalModel

/// Reads one registry YAML file into raw entries, reporting problems.
struct FileParser {
    let file: RegistryFile
    let environment: [String: String]
    let diagnostics: Diagnostics

    private static let fileKeys: Set<String> = ["version", "namespace", "meta", "entries"]
    private static let entryKeys: Set<String> = ["name", "kind", "meta"]

    func parse() -> [RawEntry] {
        let reader = NodeReader(file: file, entryId: nil, environment: environment, diagnostics: diagnostics)
        let text: String
        switch FileSystem.readText(file.absolutePath) {
        case nil:
            reader.error("cannot read file", at: nil as Location?)
            return []
        case .invalid:
            reader.error("file is not valid UTF-8", at: nil as Location?)
            return []
        case .text(let content):
            text = content
        }
        let root: Node?
        do throws(YAMLError) {
            root = try YAMLComposer.compose(text)
        } catch {
            reportYAMLError(error, reader: reader)
            return []
        }
        guard let root else { return [] }  // an empty file declares nothing
        if root.tagName == .null { return [] }
        guard let header = reader.mapping(root, path: "", known: Self.fileKeys) else { return [] }

        guard let namespaceNode = header["namespace"] else {
            reader.error("namespace is required (every entry id is namespace:name)", at: root)
            return []
        }
        guard let namespace = reader.nonEmptyString(namespaceNode, path: "namespace") else { return [] }
        guard EntryID.isValidNamespace(namespace) else {
            reader.error("namespace \"\(namespace)\" is invalid (expected dot-separated words of letters,"
                         + " digits, _ and -, e.g. shop.api)", at: namespaceNode)
            return []
        }
        if let version = header["version"], case .scalar = version {} else if let version = header["version"] {
            reader.error("version must be a string such as \"1.0\", found \(reader.describe(version))", at: version)
        }

        var fileMeta: [String: Node] = [:]
        var fileMetaJSON: [String: JSONValue] = [:]
        if let metaNode = header["meta"], metaNode.tagName != .null,
           let fields = reader.mapping(metaNode, path: "meta") {
            fileMeta = fields.values
            for key in fields.order {
                fileMetaJSON[key] = reader.json(fields.values[key]!, path: "meta.\(key)")
            }
        }

        guard let entriesNode = header["entries"] else {
            reader.error("entries is required (a list of entries with name and kind)", at: root)
            return []
        }
        if entriesNode.tagName == .null { return [] }
        guard case .sequence(let entryNodes) = entriesNode else {
            reader.error("entries must be a list, found \(reader.describe(entriesNode))", at: entriesNode)
            return []
        }
        return entryNodes.compactMap { node in
            parseEntry(node, namespace: namespace, fileMeta: fileMeta, fileMetaJSON: fileMetaJSON,
                       reader: reader)
        }
    }

    private func parseEntry(_ node: Node, namespace: String, fileMeta: [String: Node],
                            fileMetaJSON: [String: JSONValue], reader: NodeReader) -> RawEntry? {
        guard let fields = reader.mapping(node, path: "entry") else { return nil }
        guard let nameNode = fields["name"] else {
            reader.error("entry has no name (every entry needs name and kind)", at: node)
            return nil
        }
        guard let name = reader.nonEmptyString(nameNode, path: "name") else { return nil }
        guard EntryID.isValidName(name) else {
            reader.error("name \"\(name)\" is invalid (expected letters, digits, _, - and .; no colon)",
                         at: nameNode)
            return nil
        }
        let id = EntryID.make(namespace: namespace, name: name)
        let entryReader = reader.with(entryId: id)
        guard let kindNode = fields["kind"] else {
            entryReader.error("kind is required (one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                              at: node)
            return nil
        }
        guard let kind = entryReader.nonEmptyString(kindNode, path: "kind") else { return nil }

        var metaNodes = fileMeta
        var metaJSON = fileMetaJSON
        if let metaNode = fields["meta"], metaNode.tagName != .null,
           let metaFields = entryReader.mapping(metaNode, path: "meta") {
            for key in metaFields.order {
                metaNodes[key] = metaFields.values[key]
                metaJSON[key] = entryReader.json(metaFields.values[key]!, path: "meta.\(key)")
            }
        }

        var data = Fields(node: node)
        for key in fields.order where !Self.entryKeys.contains(key) {
            data.values[key] = fields.values[key]
            data.keys[key] = fields.keys[key]
            data.order.append(key)
        }
        return RawEntry(id: id, namespace: namespace, name: name, kind: kind, node: node, kindNode: kindNode,
                        data: data, metaNodes: metaNodes, meta: .object(metaJSON), reader: entryReader,
                        file: file)
    }

    private func reportYAMLError(_ error: YAMLError, reader: NodeReader) {
        let location = error.mark.map { Location(line: $0.line, column: $0.column) }
        switch error.kind {
        case .syntax:
            var message = "YAML syntax error: \(error.problem)"
            if let context = error.context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            reader.error(message, at: location)
        case .duplicateKeys(let keys):
            reader.error("YAML error: duplicate key \(keys.joined(separator: ", ")) in a mapping", at: location)
        case .reader, .memory:
            reader.error("YAML error: \(error.problem)", at: location)
        }
    }
}
