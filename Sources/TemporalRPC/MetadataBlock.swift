import CGrpcShim

/// Packs metadata key/value strings into one contiguous byte buffer so a
/// C array of `mfg_metadata` (pointer + length pairs) can point into it.
struct MetadataBlock {
    private var bytes: [UInt8] = []
    private var spans: [(key: Range<Int>, value: Range<Int>)] = []

    init(_ entries: [(String, String)]) {
        for (key, value) in entries {
            let k = append(key)
            let v = append(value)
            spans.append((k, v))
        }
        if bytes.isEmpty { bytes.append(0) } // keep a valid base address
    }

    private mutating func append(_ s: String) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: s.utf8)
        return start..<bytes.count
    }

    /// Calls `body` with a C array of entries valid only during the call.
    func withUnsafeEntries<R>(_ body: (UnsafePointer<mfg_metadata>?, Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { buf in
            let base = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            let entries = spans.map { span in
                mfg_metadata(key: base + span.key.lowerBound, key_len: span.key.count,
                             value: base + span.value.lowerBound, value_len: span.value.count)
            }
            return entries.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
        }
    }
}
