import CProtobufC
import CTemporalProto

/// Owns every C allocation made while building one message for packing
/// (message structs, strings, byte buffers, pointer arrays) and frees them
/// all when it is released. Strings with an embedded NUL cannot be
/// represented as C strings; the first such problem is recorded in
/// `problem` and turned into a `WireError` by `encodeMessage`.
final class Arena {
    private var allocations: [UnsafeMutableRawPointer] = []
    private(set) var problem: String?

    init() { allocations.reserveCapacity(64) }

    deinit {
        for p in allocations { p.deallocate() }
    }

    private func raw(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: alignment)
        allocations.append(p)
        return p
    }

    /// A freshly initialised message struct.
    func message<M: PbStruct>() -> UnsafeMutablePointer<M> {
        let p = raw(byteCount: MemoryLayout<M>.stride, alignment: MemoryLayout<M>.alignment)
            .bindMemory(to: M.self, capacity: 1)
        M.initialize(p)
        return p
    }

    /// A NUL-terminated copy of `s`, or nil for the empty string (protobuf-c
    /// treats a NULL proto3 string as unset, like "").
    func string(_ s: String) -> UnsafeMutablePointer<CChar>? {
        if s.isEmpty { return nil }
        var s = s
        return s.withUTF8 { utf8 in
            if utf8.contains(0) {
                if problem == nil { problem = "string field contains a NUL byte" }
            }
            let p = raw(byteCount: utf8.count + 1, alignment: 1).bindMemory(to: CChar.self, capacity: utf8.count + 1)
            UnsafeMutableRawPointer(p).copyMemory(from: utf8.baseAddress!, byteCount: utf8.count)
            p[utf8.count] = 0
            return p
        }
    }

    /// A copy of `bytes` as protobuf-c binary data (empty means unset).
    func bytes(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        if bytes.isEmpty { return ProtobufCBinaryData(len: 0, data: nil) }
        let p = raw(byteCount: bytes.count, alignment: 1).bindMemory(to: UInt8.self, capacity: bytes.count)
        bytes.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: $0.count) }
        return ProtobufCBinaryData(len: bytes.count, data: p)
    }

    /// `message` packed into this arena's memory (an `Any` value).
    func packed<M: PbRoot>(_ message: UnsafeMutablePointer<M>) -> ProtobufCBinaryData {
        let size = M.packedSize(message)
        if size == 0 { return ProtobufCBinaryData(len: 0, data: nil) }
        var out = [UInt8](repeating: 0, count: size)
        let written = out.withUnsafeMutableBufferPointer { M.pack(message, $0.baseAddress!) }
        if written != size, problem == nil { problem = "\(M.protoName) packed \(written) bytes, expected \(size)" }
        return bytes(out)
    }

    /// A C array of `count` pointers filled by `make`, or nil when empty.
    func array<T, C: Collection>(
        _ items: C, _ make: (C.Element) -> UnsafeMutablePointer<T>?
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<T>?>? {
        if items.isEmpty { return nil }
        let size = MemoryLayout<UnsafeMutablePointer<T>?>.stride * items.count
        let p = raw(byteCount: size, alignment: MemoryLayout<UnsafeMutablePointer<T>?>.alignment)
            .bindMemory(to: UnsafeMutablePointer<T>?.self, capacity: items.count)
        var i = 0
        for item in items {
            (p + i).initialize(to: make(item))
            i += 1
        }
        return p
    }
}
