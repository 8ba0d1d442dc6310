import CProtobufC
import CTemporalProto

/// A protoc-c message struct that can be initialised in place (the
/// `…__INIT` macros do not import into Swift). Conformances are generated
/// into Generated/PbMessages.swift by scripts/gen-protos.sh.
protocol PbStruct {
    static func initialize(_ p: UnsafeMutablePointer<Self>)
}

/// A protoc-c message with generated pack/unpack/free functions.
protocol PbRoot: PbStruct {
    static var protoName: String { get }
    static func packedSize(_ p: UnsafePointer<Self>) -> Int
    static func pack(_ p: UnsafePointer<Self>, _ out: UnsafeMutablePointer<UInt8>) -> Int
    static func unpack(_ n: Int, _ data: UnsafePointer<UInt8>,
                       _ allocator: UnsafeMutablePointer<ProtobufCAllocator>) -> UnsafeMutablePointer<Self>?
}

/// Encodes one top-level message: `build` fills a fresh message whose
/// sub-allocations live in an `Arena` that is released when packing is done.
func encodeMessage<M: PbRoot>(
    _: M.Type, _ build: (Arena, UnsafeMutablePointer<M>) -> Void
) throws(WireError) -> [UInt8] {
    let arena = Arena()
    // The message lives in the arena: keep it until packing is done.
    return try withExtendedLifetime(arena) { () throws(WireError) -> [UInt8] in
        let root: UnsafeMutablePointer<M> = arena.message()
        build(arena, root)
        if let problem = arena.problem {
            throw WireError(message: M.protoName, reason: problem)
        }
        let size = M.packedSize(root)
        if size == 0 { return [] }
        var written = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            written = M.pack(root, buffer.baseAddress!)
            count = size
        }
        guard written == size else {
            throw WireError(message: M.protoName, reason: "packed \(written) bytes, expected \(size)")
        }
        return bytes
    }
}

/// Decodes one top-level message with protobuf-c, hands the unpacked struct
/// to `read` and frees it afterwards (all of it at once: protobuf-c allocates
/// from an `Arena`). Zero bytes decode as an empty message.
func decodeMessage<M: PbRoot, R>(
    _: M.Type, _ bytes: [UInt8], _ read: (M) throws(WireError) -> R
) throws(WireError) -> R {
    // The unpacked structs take a few times the wire size; they live in one
    // arena, released (with everything protobuf-c allocated) after `read`.
    let arena = Arena(capacityHint: 3 * bytes.count + 512)
    var allocator = arena.protobufAllocator
    var zero: UInt8 = 0
    let unpacked: UnsafeMutablePointer<M>? = bytes.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress, buffer.count > 0 {
            return M.unpack(buffer.count, base, &allocator)
        }
        return M.unpack(0, &zero, &allocator)
    }
    guard let unpacked else {
        throw WireError(message: M.protoName, reason: "unpack failed (\(bytes.count) bytes)")
    }
    return try withExtendedLifetime(arena) { () throws(WireError) -> R in try read(unpacked.pointee) }
}
