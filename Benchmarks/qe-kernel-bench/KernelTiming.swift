import Foundation
import QEKernels

/// The median time of one kernel call on one shape, after warm-up, inputs made beforehand.
struct KernelTiming {
    let shape: BenchmarkShape
    let variant: KernelVariant
    /// The instruction set the kernel ran on (as the kernel itself reports it).
    let isa: KernelISA
    let medianSeconds: Double

    var gflops: Double { shape.flops / medianSeconds / 1e9 }

    /// Times `repeats` calls after `warmUp` calls on `clock`; the inputs and the output exist before the first.
    static func measure(
        _ shape: BenchmarkShape, _ variant: KernelVariant, isa: KernelISA, warmUp: Int, repeats: Int, clock: BenchmarkClock
    ) -> KernelTiming {
        let inputs = AttentionInputs(seqLen: shape.seqLen, dim: shape.dim, seed: 1)
        let kernel = variant.makeKernel(seqLen: shape.seqLen, dim: shape.dim, isa: isa)
        var output = [Float](repeating: 0, count: shape.seqLen * shape.dim)
        var seconds: [Double] = []
        output.withUnsafeMutableBufferPointer { out in
            for _ in 0..<warmUp { kernel.compute(inputs, into: out) }
            for _ in 0..<repeats {
                let start = clock.nanoseconds()
                kernel.compute(inputs, into: out)
                seconds.append(Double(clock.nanoseconds() - start) / 1e9)
            }
        }
        seconds.sort()
        return KernelTiming(shape: shape, variant: variant, isa: kernel.isa, medianSeconds: seconds[seconds.count / 2])
    }

    /// Makes the kernel and its inputs and calls it `calls` times, untimed (`--profile`).
    static func run(_ shape: BenchmarkShape, _ variant: KernelVariant, isa: KernelISA, calls: Int) {
        let inputs = AttentionInputs(seqLen: shape.seqLen, dim: shape.dim, seed: 1)
        let kernel = variant.makeKernel(seqLen: shape.seqLen, dim: shape.dim, isa: isa)
        var output = [Float](repeating: 0, count: shape.seqLen * shape.dim)
        output.withUnsafeMutableBufferPointer { out in
            for _ in 0..<calls { kernel.compute(inputs, into: out) }
        }
    }
}
