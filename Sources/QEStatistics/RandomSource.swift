internal import CGSL

/// A seeded Mersenne Twister (GSL's `mt19937`) owned by one task at a time.
///
/// A `gsl_rng` is not thread-safe, so this type is non-copyable: whoever holds it owns the
/// generator, and it is freed when the holder is done. The same seed gives the same stream on
/// every machine, which is what makes every randomised method here reproducible.
public struct RandomSource: ~Copyable {
    private let generator: UnsafeMutablePointer<gsl_rng>

    /// A generator seeded with `seed`. GSL treats seed 0 as its default seed 4357.
    public init(seed: UInt64) {
        GSL.ready()
        // gsl_rng_alloc only fails when out of memory; there is nothing sensible to do then.
        guard let generator = gsl_rng_alloc(qe_gsl_rng_mt19937()) else {
            fatalError("GSL could not allocate a random number generator (out of memory)")
        }
        self.generator = generator
        // GSL seeds take an unsigned long (64 bits on the platforms Swift supports).
        gsl_rng_set(generator, UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(generator) }

    /// A uniformly distributed integer in `0..<bound`. `bound` must be at least 1.
    @inline(__always)
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound >= 1, "bound must be at least 1")
        return Int(gsl_rng_uniform_int(generator, UInt(bound)))
    }

    /// The next raw output of the generator: 32 uniformly distributed bits (mt19937's range is
    /// 0 ... 2³² − 1). For many bounded draws, ``nextIndex(below32:)`` avoids the divisions of
    /// ``nextIndex(below:)``.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func nextBits() -> UInt32 {
        UInt32(truncatingIfNeeded: gsl_rng_get(generator))
    }

    /// A uniformly distributed double in [0, 1).
    @inline(__always)
    public mutating func nextUniform() -> Double {
        gsl_rng_uniform(generator)
    }

    /// A standard normal variate (GSL's ziggurat method).
    @inline(__always)
    public mutating func nextGaussian() -> Double {
        gsl_ran_gaussian_ziggurat(generator, 1)
    }
}
