import TemporalModel

/// An entry as read from its file, before its kind-specific fields are decoded.
struct RawEntry {
    let id: String
    let namespace: String
    let name: String
    let kind: String
    /// The entry's mapping node (its mark is the entry's location).
    let node: Node
    let kindNode: Node
    /// Every key other than `name`, `kind` and `meta`.
    let data: Fields
    /// Entry meta over file meta, top-level keys only (entry wins).
    let metaNodes: [String: Node]
    /// The merged meta as JSON.
    let meta: JSONValue
    /// Reader reporting against this entry's file and id.
    let reader: NodeReader
    let file: RegistryFile
}
