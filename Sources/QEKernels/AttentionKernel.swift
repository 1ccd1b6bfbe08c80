/// A single-head attention kernel: output = softmax(Q·Kᵀ/√dim)·V for one shape.
///
/// A kernel is made for one (seqLen, dim) and allocates every buffer it needs when it is made,
/// so that `compute` allocates nothing and can be timed on its own.
public protocol AttentionKernel: AnyObject {
    /// Which variant this is.
    var variant: KernelVariant { get }
    /// The instruction set its hot loops run on (chosen when it was made).
    var isa: KernelISA { get }
    var seqLen: Int { get }
    var dim: Int { get }
    /// Bytes of memory one call reads and writes: Q, K, V, the output and the kernel's own
    /// buffers, counted exactly from their sizes.
    var workingSetBytes: Int { get }
    /// Computes attention of `inputs` (which must have this kernel's shape) into `output`
    /// (seqLen·dim floats, row-major).
    func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>)
}
