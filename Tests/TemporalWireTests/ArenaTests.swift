import XCTest
@testable import TemporalWire

/// The bump arena that backs message building and protobuf-c unpacking:
/// pieces are aligned, never overlap, and survive chunk changes and big
/// blocks (each piece keeps what was written into it).
final class ArenaTests: XCTestCase {
    func testPiecesAreAlignedAndKeepTheirBytesAcrossChunks() {
        let arena = Arena(capacityHint: 256)
        var allocator = arena.protobufAllocator
        var pieces: [(UnsafeMutablePointer<UInt8>, Int, UInt8)] = []
        // Sizes that straddle chunk ends, plus blocks bigger than a chunk.
        let sizes = (0..<400).map { i in i % 97 == 0 ? 5_000 + i : 1 + (i * 37) % 300 }
        for (i, size) in sizes.enumerated() {
            let raw = allocator.alloc(allocator.allocator_data, size)!
            XCTAssertEqual(Int(bitPattern: raw) % Arena.alignment, 0, "piece \(i) misaligned")
            let p = raw.bindMemory(to: UInt8.self, capacity: size)
            let mark = UInt8(truncatingIfNeeded: i &* 31 &+ 7)
            p.initialize(repeating: mark, count: size)
            pieces.append((p, size, mark))
        }
        for (i, (p, size, mark)) in pieces.enumerated() {
            XCTAssertTrue(UnsafeBufferPointer(start: p, count: size).allSatisfy { $0 == mark }, "piece \(i) overwritten")
        }
        // free is a no-op: the memory stays the arena's until it goes.
        allocator.free(allocator.allocator_data, pieces[0].0)
        XCTAssertEqual(pieces[0].0[0], pieces[0].2)
        withExtendedLifetime(arena) {}
    }

    func testStringsAndBytesAreCopiedIn() {
        let arena = Arena()
        let s = arena.string("héllo")!
        XCTAssertEqual(String(cString: s), "héllo")
        XCTAssertNil(arena.string(""))
        let b = arena.bytes([1, 2, 3])
        XCTAssertEqual(Array(UnsafeBufferPointer(start: b.data, count: b.len)), [1, 2, 3])
        XCTAssertNil(arena.problem)
        _ = arena.string("a\u{0}b")
        XCTAssertEqual(arena.problem, "string field contains a NUL byte")
    }

    func testChunkSizesAndRecycling() {
        XCTAssertEqual(ChunkPool.size(for: 1), 4096)
        XCTAssertEqual(ChunkPool.size(for: 4097), 8192)
        XCTAssertEqual(ChunkPool.size(for: 40_000), 65_536)
        // A 16 KiB chunk given back is the next one taken (this size class
        // is not used by other tests running at the same time).
        let size = 16 << 10
        let a = ChunkPool.take(size)
        ChunkPool.give(a, size: size)
        let b = ChunkPool.take(size)
        XCTAssertEqual(a, b)
        // At most perClass chunks wait: the first perClass given back are
        // kept (the rest go to malloc) and come back last-in first-out.
        let many = [b] + (0..<(ChunkPool.perClass + 2)).map { _ in ChunkPool.take(size) }
        for p in many { ChunkPool.give(p, size: size) }
        let again = (0..<ChunkPool.perClass).map { _ in ChunkPool.take(size) }
        XCTAssertEqual(again, Array(many.prefix(ChunkPool.perClass).reversed()))
        for p in again { ChunkPool.give(p, size: size) }
        // Outside the classes nothing is kept.
        let big = ChunkPool.take(64 << 10)
        ChunkPool.give(big, size: 64 << 10)
    }
}
