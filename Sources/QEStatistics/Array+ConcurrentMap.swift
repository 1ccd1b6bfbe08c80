import Dispatch

extension Array where Element: Sendable {
    /// `map`, with the elements transformed concurrently (one task per element, as many at a
    /// time as there are cores). The result is in the order of the elements, and the same for
    /// any number of cores.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ConcurrentSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.store(transform(items[index]), at: index)
            }
        }
        return results.finish()
    }
}

/// Write-once slots filled by concurrent tasks, each writing only its own index.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func finish() -> [T] {
        buffer.map { value in
            guard let value else { preconditionFailure("a concurrent task did not store its result") }
            return value
        }
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
