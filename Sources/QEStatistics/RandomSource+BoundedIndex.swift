extension RandomSource {
    /// A uniformly distributed integer in `0..<bound` by Lemire's multiply-and-shift method with
    /// rejection ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019): exact
    /// (unbiased) and deterministic, with no division unless a draw falls in the rejection zone.
    ///
    /// It maps the generator's output to an index differently from ``nextIndex(below:)`` (GSL's
    /// `gsl_rng_uniform_int`, which divides), so the two can give different indices from the
    /// same seed.
    /// - Precondition: `bound` ≥ 1.
    /// - Complexity: O(1) expected; at most 2 draws on average.
    @inline(__always)
    public mutating func nextIndex(below32 bound: UInt32) -> UInt32 {
        precondition(bound >= 1, "bound must be at least 1")
        var product = UInt64(nextBits()) &* UInt64(bound)
        var low = UInt32(truncatingIfNeeded: product)
        if low < bound {
            // 2³² mod bound: the low parts below it belong to an incomplete copy of 0..<bound.
            let threshold = (0 &- bound) % bound
            while low < threshold {
                product = UInt64(nextBits()) &* UInt64(bound)
                low = UInt32(truncatingIfNeeded: product)
            }
        }
        return UInt32(truncatingIfNeeded: product >> 32)
    }
}
