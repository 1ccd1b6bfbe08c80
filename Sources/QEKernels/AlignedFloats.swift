/// A zero-filled, cache-line-aligned buffer of floats owned by one kernel, allocated once when the
/// kernel is made and freed with it (so `compute` never allocates).
struct AlignedFloats: ~Copyable {
    /// The first float.
    let base: UnsafeMutablePointer<Float>
    /// Floats held (at least one is allocated, so `base` is always valid).
    let count: Int

    /// Allocates `count` floats, aligned to 64 bytes, all zero.
    init(count: Int) {
        precondition(count >= 0, "negative buffer size")
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.initializeMemory(as: Float.self, repeating: 0, count: max(count, 1))
    }

    /// Bytes held, as counted in a kernel's working set.
    var byteCount: Int { count * MemoryLayout<Float>.stride }

    deinit {
        base.deallocate()
    }
}
