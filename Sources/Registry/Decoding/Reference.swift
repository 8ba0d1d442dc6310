
/// A reference from one entry to another, checked once every entry is known.
struct Reference {
    /// The resolved target id.
    let targetId: String
    /// The field it was written in, e.g. `client` or `meta.temporal.workflow.worker`.
    let path: String
    /// The kinds the target may have.
    let expected: [EntryKind]
    /// The value's node (for its location).
    let node: Node
    /// Reports against the referring entry.
    let reader: NodeReader

    /// Reads a reference string at `node`, resolving a bare name to `namespace`.
    static func read(_ node: Node, path: String, expected: [EntryKind], namespace: String,
                     reader: NodeReader) -> Reference? {
        guard let written = reader.nonEmptyString(node, path: path) else { return nil }
        let id = EntryID.resolve(written, defaultNamespace: namespace)
        guard let parts = EntryID.split(id), EntryID.isValidNamespace(parts.namespace),
              EntryID.isValidName(parts.name) else {
            reader.error("\(path) \"\(written)\" is not an entry id (expected namespace:name or a bare name"
                         + " in this entry's namespace)", at: node)
            return nil
        }
        return Reference(targetId: id, path: path, expected: expected, node: node, reader: reader)
    }
}

/// What decoding found that can only be checked against the whole registry.
final class LinkState {
    var references: [Reference] = []
    /// Import edges: entry id → [(alias, reference)].
    var imports: [String: [(alias: String, reference: Reference)]] = [:]
}
