internal import CMallocInfo

/// Bytes the C allocator holds for the program right now (glibc's `mallinfo2`: in-use heap
/// chunks plus memory mapped for large blocks). Swift's arrays and class instances allocate
/// through it, so a kernel's buffers show up here. Reads 0 where `mallinfo2` does not exist.
public enum AllocationMeter {
    public static func allocatedBytes() -> Int {
        Int(qe_allocated_bytes())
    }
}
