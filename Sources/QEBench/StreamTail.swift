/// The end of a byte stream (a child's standard error), kept in bounded memory, and its lines
/// handed out as they complete — in time linear in the bytes, however they are split into reads
/// and whether or not they contain newlines.
struct StreamTail {
    /// How many of the last bytes are kept for the error message.
    let capacity: Int
    /// Longer lines are not handed to the line callback (they are still in the tail).
    let maximumLineLength: Int

    private var ring: [UInt8]
    /// Where the next byte goes in `ring`.
    private var next = 0
    /// Bytes received in all.
    private(set) var total = 0
    private var partialLine: [UInt8] = []
    private var partialLineTooLong = false

    init(capacity: Int = 8192, maximumLineLength: Int = 4096) {
        self.capacity = max(capacity, 1)
        self.maximumLineLength = maximumLineLength
        ring = [UInt8](repeating: 0, count: self.capacity)
    }

    /// Adds `bytes`, calling `onLine` (when given) with each line they complete (without its
    /// newline).
    /// - Complexity: O(`bytes.count`) with a callback; O(min(`bytes.count`, `capacity`)) without.
    mutating func append(_ bytes: UnsafeRawBufferPointer, onLine: ((String) -> Void)?) {
        total += bytes.count
        let kept = bytes.count > capacity ? UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - capacity)...]) : bytes
        ring.withUnsafeMutableBytes { ring in
            var remaining = kept
            while !remaining.isEmpty {
                let count = min(remaining.count, capacity - next)
                UnsafeMutableRawBufferPointer(rebasing: ring[next..<(next + count)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: remaining[0..<count]))
                remaining = UnsafeRawBufferPointer(rebasing: remaining[count...])
                next = next + count == capacity ? 0 : next + count
            }
        }
        guard let onLine else { return }
        var lineStart = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            appendToLine(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<index]))
            if !partialLineTooLong { onLine(String(decoding: partialLine, as: UTF8.self)) }
            partialLine.removeAll(keepingCapacity: true)
            partialLineTooLong = false
            lineStart = index + 1
        }
        appendToLine(UnsafeRawBufferPointer(rebasing: bytes[lineStart...]))
    }

    private mutating func appendToLine(_ bytes: UnsafeRawBufferPointer) {
        guard !partialLineTooLong else { return }
        if partialLine.count + bytes.count > maximumLineLength {
            partialLineTooLong = true
            partialLine.removeAll(keepingCapacity: true)
        } else {
            partialLine.append(contentsOf: bytes)
        }
    }

    /// The last `count` lines of the kept tail (the last one may lack its newline). When the
    /// stream was longer than the tail, the first kept line, cut at its start, is left out.
    func lastLines(_ count: Int) -> [String] {
        let kept = min(total, capacity)
        var bytes = [UInt8]()
        bytes.reserveCapacity(kept)
        let start = total > capacity ? next : 0
        for offset in 0..<kept { bytes.append(ring[(start + offset) % capacity]) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        if total > capacity && lines.count > 1 { lines.removeFirst() }
        return Array(lines.suffix(count))
    }
}
