/// Memory measured for one benchmark (`"memory"`), in bytes. Either figure may be unknown.
public struct MemoryFigures: Hashable, Sendable {
    /// The working set (resident memory) attributable to the benchmark, in bytes.
    public var workingSetBytes: Int?
    /// The peak number of bytes allocated while the benchmark ran.
    public var peakAllocatedBytes: Int?

    /// Creates memory figures; both default to unknown.
    public init(workingSetBytes: Int? = nil, peakAllocatedBytes: Int? = nil) {
        self.workingSetBytes = workingSetBytes
        self.peakAllocatedBytes = peakAllocatedBytes
    }

    /// True when neither figure is known.
    public var isEmpty: Bool { workingSetBytes == nil && peakAllocatedBytes == nil }
}
