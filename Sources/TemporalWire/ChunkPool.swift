import Synchronization

/// Keeps a few of the `Arena`'s chunks of 4 to 32 KiB for the next arena.
///
/// Every message built or unpacked takes at least one chunk. Sizes of 1 KiB
/// and up are malloc's "large" requests, which sort its free lists first
/// (`malloc_consolidate`); handing the same chunks round instead costs one
/// uncontended lock. At most `perClass` chunks of each size wait here
/// (240 KiB in all), the rest go back to malloc.
enum ChunkPool {
    static let smallest = 4 << 10
    static let largest = 32 << 10
    static let perClass = 4

    /// Chunk addresses by size class (4, 8, 16, 32 KiB), as bit patterns.
    private static let free = Mutex<[[UInt]]>(Array(repeating: [], count: 4))

    /// The chunk size for `bytes`: a power of two from `smallest` up.
    static func size(for bytes: Int) -> Int {
        var size = smallest
        while size < bytes && size < Int.max / 2 { size <<= 1 }
        return size
    }

    /// A chunk of `size` bytes (a size `size(for:)` returned).
    static func take(_ size: Int) -> UnsafeMutableRawPointer {
        if let index = classIndex(size),
           let bits = free.withLock({ $0[index].popLast() }),
           let p = UnsafeMutableRawPointer(bitPattern: bits) {
            return p
        }
        return UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Arena.alignment)
    }

    /// Gives back a chunk `take(size)` returned.
    static func give(_ p: UnsafeMutableRawPointer, size: Int) {
        if let index = classIndex(size) {
            let kept = free.withLock { lists -> Bool in
                guard lists[index].count < perClass else { return false }
                lists[index].append(UInt(bitPattern: p))
                return true
            }
            if kept { return }
        }
        p.deallocate()
    }

    private static func classIndex(_ size: Int) -> Int? {
        guard size >= smallest, size <= largest, size & (size - 1) == 0 else { return nil }
        return size.trailingZeroBitCount - smallest.trailingZeroBitCount
    }
}
