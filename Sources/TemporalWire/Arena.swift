import CProtobufC
import CTemporalProto

/// Owns every C allocation made while building one message for packing
/// (message structs, strings, byte buffers, pointer arrays) or while
/// protobuf-c unpacks one, and frees them all when it is released.
///
/// A bump allocator: pieces are cut from a few chunks (each twice the size
/// of the one before, the small ones recycled through `ChunkPool`), so a
/// message costs one or two chunks instead of a malloc per field, and
/// nothing is freed piece by piece.
///
/// Strings with an embedded NUL cannot be represented as C strings; the
/// first such problem is recorded in `problem` and turned into a
/// `WireError` by `encodeMessage`.
final class Arena {
    private var chunk: UnsafeMutableRawPointer?
    private var used = 0
    private var capacity = 0
    private var nextSize: Int
    /// Full chunks (with their sizes) and blocks too big for a chunk (size
    /// 0), given back with the arena.
    private var retired: [(UnsafeMutableRawPointer, Int)] = []
    private(set) var problem: String?

    /// Every piece is aligned as malloc aligns (16 bytes on x86-64).
    static let alignment = 16
    static let maxChunk = 1 << 20

    /// `capacityHint`: the expected total, the size of the first chunk.
    init(capacityHint: Int = 2048) {
        nextSize = min(ChunkPool.size(for: capacityHint), Self.maxChunk)
    }

    deinit {
        if let chunk { ChunkPool.give(chunk, size: capacity) }
        for (p, size) in retired {
            if size > 0 { ChunkPool.give(p, size: size) } else { p.deallocate() }
        }
    }

    private func raw(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let size = max(byteCount, 1)
        let align = min(max(alignment, 1), Self.alignment)
        let start = (used + align - 1) & ~(align - 1)
        if let chunk, start + size <= capacity {
            used = start + size
            return chunk + start
        }
        if size > nextSize / 2 {
            // A big block of its own; the current chunk keeps its room.
            let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Self.alignment)
            retired.append((p, 0))
            return p
        }
        if let chunk { retired.append((chunk, capacity)) }
        let fresh = ChunkPool.take(nextSize)
        chunk = fresh
        capacity = nextSize
        used = size
        nextSize = min(nextSize * 2, Self.maxChunk)
        return fresh
    }

    /// A protobuf-c allocator that takes its memory from this arena (its
    /// `free` does nothing: everything goes with the arena). Valid while
    /// the arena lives.
    var protobufAllocator: ProtobufCAllocator {
        ProtobufCAllocator(
            alloc: { data, size in
                Unmanaged<Arena>.fromOpaque(data!).takeUnretainedValue().raw(byteCount: size, alignment: Arena.alignment)
            },
            free: { _, _ in },
            allocator_data: Unmanaged.passUnretained(self).toOpaque())
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
        let out = raw(byteCount: size, alignment: 1).bindMemory(to: UInt8.self, capacity: size)
        let written = M.pack(message, out)
        if written != size, problem == nil { problem = "\(M.protoName) packed \(written) bytes, expected \(size)" }
        return ProtobufCBinaryData(len: size, data: out)
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
