/// A memory figure of a results file (the keys of its `memory` object).
public enum MemoryFigure: String, Sendable, Codable, CaseIterable {
    /// What the kernel's buffers take, from their sizes.
    case workingSetBytes
    /// The largest allocation seen by the allocator over the runs.
    case peakAllocatedBytes
}
