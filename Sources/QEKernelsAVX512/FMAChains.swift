/// The AVX-512 half of `qe-kernel-bench`'s single-core FMA peak: twelve independent chains of
/// `SIMD16<Float>` FMAs, one `vfmadd231ps zmm` each, so that latency (4 cycles) times FMA pipes
/// (2) ≤ 12 chains and the loop is throughput-bound. Each trip is 12 FMAs of 32 flops
/// (16 lanes × multiply and add). Same precondition as
/// `AVX512Attention`.
public enum AVX512FMAChains {
    /// Runs `iterations` loop trips; returns a value that depends on all of them (so the loop
    /// cannot be removed).
    @inline(never)
    public static func run(iterations: Int, seed: Float) -> Float {
        let m = SIMD16<Float>(repeating: 0.999_999)
        let c = SIMD16<Float>(repeating: 1e-7)
        var a0 = SIMD16<Float>(repeating: seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3
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
        return RowSoftmax.horizontalSum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11)
    }
}
