/// The Go SDK's Version marker layout, which `workflow.version` writes.
public enum VersionMarker {
    /// The search attribute listing every `<change>-<version>` of the run.
    public static let searchAttribute = "TemporalChangeVersion"
}
