/// A first-in first-out queue over an array with a read index: `pop` is
/// O(1), and the storage is reset (capacity kept) once it runs empty. Not
/// thread-safe: the owner serializes access (a thread, or a lock).
public struct FIFO<Element> {
    private var items: [Element?] = []
    private var head = 0

    public init() {}

    public var count: Int { items.count - head }

    public mutating func push(_ item: Element) { items.append(item) }

    public mutating func pop() -> Element? {
        guard head < items.count else {
            if head > 0 {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            return nil
        }
        let item = items[head]
        items[head] = nil // let go of it now, not when the queue empties
        head += 1
        return item
    }
}
