import Foundation
import QEKernels
import QEKernelsAVX512

/// The single-core float32 FMA peak of each instruction set, measured: twelve independent chains
/// of FMAs, so that latency (4–5 cycles) times FMA pipes (2 on Haswell to Zen 5) ≤ 12 chains and
/// the loop is throughput-bound.
/// - AVX2: `SIMD8<Float>` chains here (one `vfmadd231ps ymm` each with `-target-cpu haswell`),
///   16 flops per FMA;
/// - AVX-512: `AVX512FMAChains` (`SIMD16<Float>`, one `vfmadd231ps zmm` each, compiled in
///   QEKernelsAVX512), 32 flops per FMA.
enum FMAPeak {
    /// GFLOP/s of the best of `runs` runs of `iterations` loop trips (best, not median: the
    /// peak is what the core can do; interference only lowers it). Many short runs rather than a
    /// few long ones, so that on a shared machine some fall between other processes' time slices.
    static func measure(_ isa: KernelISA, clock: BenchmarkClock, iterations: Int = 3_000_000, runs: Int = 40) -> Double {
        precondition(isa.isSupported, "this CPU does not support \(isa)")
        let flopsPerIteration: Double = isa == .avx512 ? 12 * 32 : 12 * 16
        var best = 0.0
        var sink: Float = 0
        for run in 0..<runs {
            let seed = Float(run) * 1e-3
            let start = clock.nanoseconds()
            switch isa {
            case .avx2: sink += chains(iterations: iterations, seed: seed)
            case .avx512: sink += AVX512FMAChains.run(iterations: iterations, seed: seed)
            }
            let seconds = Double(clock.nanoseconds() - start) / 1e9
            best = max(best, Double(iterations) * flopsPerIteration / seconds / 1e9)
        }
        // Use the result so the loop cannot be removed.
        if sink.isNaN { print("peak sink", sink) }
        return best
    }

    @inline(never)
    static func chains(iterations: Int, seed: Float) -> Float {
        let m = SIMD8<Float>(repeating: 0.999_999)
        let c = SIMD8<Float>(repeating: 1e-7)
        var a0 = SIMD8<Float>(repeating: seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3
        var a4 = a0 + 4, a5 = a0 + 5, a6 = a0 + 6, a7 = a0 + 7
        var a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
        for _ in 0..<iterations {
            a0 = a0.addingProduct(m, c); a1 = a1.addingProduct(m, c)
            a2 = a2.addingProduct(m, c); a3 = a3.addingProduct(m, c)
            a4 = a4.addingProduct(m, c); a5 = a5.addingProduct(m, c)
            a6 = a6.addingProduct(m, c); a7 = a7.addingProduct(m, c)
            a8 = a8.addingProduct(m, c); a9 = a9.addingProduct(m, c)
            a10 = a10.addingProduct(m, c); a11 = a11.addingProduct(m, c)
        }
        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).sum()
    }
}
