import Foundation
import QEStatistics
import QETestSupport
import Testing

/// Reference cases of scripts/reference/scaling.R (`nls` with the port algorithm).
struct ScalingReference: Decodable {
    struct Case: Decodable, CustomTestStringConvertible {
        var id: String
        var sizes: [Double]
        var values: [Double]
        var intercept: Double
        var coefficient: Double
        var exponent: Double
        var weightedResidualSumOfSquares: Double
        var slope: Double
        var exponentLow: Double?
        var exponentHigh: Double?
        var slopeLow: Double?
        var slopeHigh: Double?

        var testDescription: String { id }

        /// The values grouped by size, in order of first appearance.
        var points: [ScalingPoint] {
            var order: [Double] = []
            var values: [Double: [Double]] = [:]
            for (size, value) in zip(sizes, self.values) {
                if values[size] == nil { order.append(size) }
                values[size, default: []].append(value)
            }
            return order.map { ScalingPoint(size: $0, values: values[$0] ?? []) }
        }
    }

    var cases: [Case]
    static let fixture = ReferenceFixture.load("scaling.json", as: ScalingReference.self)
}

/// Costs a + b·nᵏ at `sizes`, `runs` values each with lognormal noise (seeded).
func syntheticScaling(
    sizes: [Double], runs: Int, intercept: Double, coefficient: Double, exponent: Double, noise: Double,
    random: inout RandomSource
) -> [ScalingPoint] {
    sizes.map { size in
        let truth = intercept + coefficient * pow(size, exponent)
        return ScalingPoint(size: size, values: (0..<runs).map { _ in truth * exp(noise * random.nextGaussian()) })
    }
}

@Suite("Power-law fit a + b·n^k and its intervals")
struct ScalingFitTests {
    static let sizes: [Double] = [128, 256, 512, 1024, 2048, 4096, 8192]

    @Test("matches R's nls on fixed data", arguments: ScalingReference.fixture.cases)
    func matchesR(_ reference: ScalingReference.Case) throws {
        let fit = try PowerLawFit(points: reference.points)
        // nls stops at a relative tolerance of about 1e-8 in the residual sum.
        expectClose(fit.exponent, reference.exponent, relative: 1e-5, "\(reference.id): k")
        expectClose(fit.intercept, reference.intercept, relative: 1e-4, absolute: 1e-6 * (reference.values.max() ?? 0), "\(reference.id): a")
        expectClose(fit.coefficient, reference.coefficient, relative: 1e-4, "\(reference.id): b")
        expectClose(fit.weightedResidualSumOfSquares, reference.weightedResidualSumOfSquares, relative: 1e-7, "\(reference.id): RSS")
        let scaling = try ScalingFit(points: reference.points, replicates: 200)
        expectClose(scaling.logLogSlope.estimate, reference.slope, relative: 1e-10, "\(reference.id): log-log slope")
        if let low = reference.exponentLow, let high = reference.exponentHigh {
            #expect(scaling.method == .residualT)
            expectClose(scaling.exponent.low, low, relative: 1e-4, "\(reference.id): k low")
            expectClose(scaling.exponent.high, high, relative: 1e-4, "\(reference.id): k high")
            expectClose(scaling.logLogSlope.low, reference.slopeLow, relative: 1e-10, "\(reference.id): slope low")
            expectClose(scaling.logLogSlope.high, reference.slopeHigh, relative: 1e-10, "\(reference.id): slope high")
        } else {
            #expect(scaling.method == .runBootstrap)
        }
    }

    @Test("recovers known exponents from exact costs with an intercept", arguments: [0.5, 1, 1.5, 2, 2.5, 3, 4])
    func recoversExactExponents(_ exponent: Double) throws {
        let points = Self.sizes.map { ScalingPoint(size: $0, values: [3e6 + 0.7 * pow($0, exponent)]) }
        let fit = try PowerLawFit(points: points)
        #expect(abs(fit.exponent - exponent) < 1e-6, "k = \(fit.exponent), expected \(exponent)")
        #expect(isClose(fit.intercept, 3e6, relative: 1e-4), "a = \(fit.intercept)")
        #expect(isClose(fit.coefficient, 0.7, relative: 1e-4), "b = \(fit.coefficient)")
        #expect(isClose(fit.value(at: 3000), 3e6 + 0.7 * pow(3000, exponent), relative: 1e-6))
    }

    @Test("an intercept is not mistaken for slower growth")
    func interceptMatters() throws {
        // With a start-up cost as large as the smallest size's work, the log-log slope is far
        // below 2; the fit with its intercept still finds 2.
        let points = Self.sizes.map { ScalingPoint(size: $0, values: [5e6 + 30 * $0 * $0]) }
        let scaling = try ScalingFit(points: points, replicates: 100)
        #expect(abs(scaling.curve.exponent - 2) < 1e-6)
        #expect(scaling.logLogSlope.estimate < 1.8)
        #expect(scaling.complexityClass == .quadratic)
    }

    @Test("noisy runs: the interval holds the truth and names the class", arguments: [1.0, 2.0, 3.0])
    func noisyRuns(_ exponent: Double) throws {
        // One seeded draw per exponent, as an example; the coverage test below checks how often
        // such intervals hold the truth.
        var random = RandomSource(seed: 100 + UInt64(exponent))
        let points = syntheticScaling(
            sizes: Self.sizes, runs: 5, intercept: 4e6, coefficient: 4e6 / pow(512, exponent), exponent: exponent,
            noise: 0.03, random: &random)
        let scaling = try ScalingFit(points: points, replicates: 2000)
        let low = try #require(scaling.exponent.low)
        let high = try #require(scaling.exponent.high)
        #expect(low <= exponent && exponent <= high, "[\(low), \(high)] misses \(exponent)")
        #expect(high - low < 0.5, "[\(low), \(high)] is too wide for 3% noise")
        #expect(scaling.method == .runBootstrap)
        #expect(scaling.replicates == 2000 && scaling.seed == Bootstrap.defaultSeed)
        let expected: ComplexityClass = exponent == 1 ? .linear : (exponent == 2 ? .quadratic : .cubic)
        #expect(scaling.compatibleClasses.contains(expected))
        #expect(scaling.complexityClass == expected)
        #expect(!scaling.compatibleClasses.contains(.constant))
    }

    @Test("n log n is told from n and n² on a wide range")
    func linearithmic() throws {
        let sizes: [Double] = [1e2, 1e3, 1e4, 1e5, 1e6, 1e7]
        var random = RandomSource(seed: 5)
        let points = sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in (1e5 + 15 * size * log(size)) * exp(0.02 * random.nextGaussian()) })
        }
        let scaling = try ScalingFit(points: points, replicates: 2000)
        #expect(scaling.compatibleClasses.contains(.linearithmic), "\(scaling.exponent)")
        #expect(!scaling.compatibleClasses.contains(.quadratic))
        #expect(!scaling.compatibleClasses.contains(.linear))
        #expect(scaling.complexityClass == .linearithmic)
    }

    /// Runs of `cost` at `sizes` with lognormal noise (seeded).
    static func noisy(_ sizes: [Double], runs: Int = 5, noise: Double, seed: UInt64, _ cost: (Double) -> Double) -> [ScalingPoint] {
        var random = RandomSource(seed: seed)
        return sizes.map { size in
            ScalingPoint(size: size, values: (0..<runs).map { _ in cost(size) * exp(noise * random.nextGaussian()) })
        }
    }

    @Test("n² with a large n term and an intercept is n², though k is well below 2", arguments: [1, 2, 3] as [UInt64])
    func quadraticWithLinearTerm(_ seed: UInt64) throws {
        // The flash kernels' baseline working set has this shape: 4n² + 16·n·d + buffers.
        let points = Self.noisy(Self.sizes, noise: 0.02, seed: seed) { 2e5 + 1024 * $0 + 4 * $0 * $0 }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        let high = try #require(scaling.exponent.high)
        #expect(high < 1.97, "k's interval \(scaling.exponent) should miss 2 for the free power law")
        #expect(scaling.complexityClass == .quadratic, "\(scaling.compatibleClasses)")
        #expect(!scaling.compatibleClasses.contains(.linear))
        #expect(!scaling.compatibleClasses.contains(.linearithmic))
    }

    @Test("exact n² with lower-order terms (a memory figure, one value per size) is n², not n³")
    func exactQuadraticMemory() throws {
        let points = Self.sizes.map { ScalingPoint(size: $0, values: [4 * $0 * $0 + 16 * 64 * $0 + 3e6]) }
        let scaling = try ScalingFit(points: points)
        #expect(scaling.method == .residualT)
        #expect(scaling.complexityClass == .quadratic, "\(scaling.compatibleClasses)")
        #expect(!scaling.compatibleClasses.contains(.cubic))
    }

    @Test("exact n with an intercept is n, not n² (the leading term must be positive)")
    func exactLinearMemory() throws {
        let points = Self.sizes.map { ScalingPoint(size: $0, values: [16 * 64 * $0 + 3e6]) }
        let scaling = try ScalingFit(points: points)
        #expect(scaling.compatibleClasses == [.linear], "\(scaling.compatibleClasses)")
    }

    @Test("pure n with noise is n, and n² is not compatible", arguments: [4, 5, 6] as [UInt64])
    func noisyLinear(_ seed: UInt64) throws {
        let points = Self.noisy(Self.sizes, noise: 0.03, seed: seed) { 5e5 + 300 * $0 }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        #expect(scaling.complexityClass == .linear, "\(scaling.compatibleClasses)")
        #expect(!scaling.compatibleClasses.contains(.constant))
    }

    @Test("n log n with an n term is told from n on a wide range")
    func linearithmicWithLinearTerm() throws {
        let sizes: [Double] = [1e2, 1e3, 1e4, 1e5, 1e6, 1e7]
        let points = Self.noisy(sizes, noise: 0.02, seed: 8) { 1e5 + 40 * $0 + 5 * $0 * log($0) }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        #expect(scaling.complexityClass == .linearithmic, "\(scaling.compatibleClasses)")
        #expect(!scaling.compatibleClasses.contains(.linear))
        #expect(!scaling.compatibleClasses.contains(.quadratic))
    }

    @Test("n³ with n² and n terms is n³")
    func cubicWithLowerTerms() throws {
        let points = Self.noisy(Self.sizes, noise: 0.03, seed: 12) { 1e6 + 2e3 * $0 + 8 * $0 * $0 + 0.004 * $0 * $0 * $0 }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        #expect(scaling.complexityClass == .cubic, "\(scaling.compatibleClasses) k \(scaling.exponent)")
    }

    @Test("costs that do not grow are constant")
    func constant() throws {
        var random = RandomSource(seed: 9)
        let points = Self.sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in 2e6 * exp(0.03 * random.nextGaussian()) })
        }
        let scaling = try ScalingFit(points: points, replicates: 2000)
        #expect(scaling.complexityClass == .constant)
        let low = try #require(scaling.logLogSlope.low)
        let high = try #require(scaling.logLogSlope.high)
        #expect(low < 0 && high > 0)
    }

    @Test("the same seed gives the same interval; another seed another")
    func seeded() throws {
        var random = RandomSource(seed: 3)
        let points = syntheticScaling(
            sizes: Self.sizes, runs: 4, intercept: 1e5, coefficient: 2, exponent: 1.5, noise: 0.05, random: &random)
        let first = try ScalingFit(points: points, replicates: 500, seed: 11)
        let second = try ScalingFit(points: points, replicates: 500, seed: 11)
        let other = try ScalingFit(points: points, replicates: 500, seed: 12)
        #expect(first == second)
        #expect(first.exponent.low != other.exponent.low)
    }

    /// A small version of scripts/simulation/scaling_coverage.sh: the run bootstrap's 95%
    /// interval covers the true exponent about 95% of the time.
    @Test("coverage of the exponent's interval in a small simulation")
    func coverage() throws {
        var random = RandomSource(seed: 2026)
        var covered = 0
        let experiments = 60
        for _ in 0..<experiments {
            // Run effects (shared by the iterations of a run) and 5% noise per run level.
            let points = Self.sizes.map { size in
                ScalingPoint(size: size, values: (0..<5).map { _ in
                    (2e6 + 3 * size * size) * exp(0.05 * random.nextGaussian())
                })
            }
            let scaling = try ScalingFit(points: points, replicates: 400, seed: UInt64(random.nextBits()))
            if let low = scaling.exponent.low, let high = scaling.exponent.high, low <= 2, 2 <= high { covered += 1 }
        }
        // 95% nominal: 60 experiments give 57 on average; an interval without the
        // small-sample widening covers about 90% (54).
        #expect(covered >= 54, "covered \(covered) of \(experiments)")
    }

    @Test("bad input is refused with the reason")
    func badInput() {
        #expect(throws: StatisticsError.tooFewObservations(needed: 3, got: 2, what: "a fit of a + b·n^k (distinct sizes)")) {
            try PowerLawFit(points: [.init(size: 1, values: [1]), .init(size: 2, values: [2]), .init(size: 2, values: [3])])
        }
        #expect(throws: StatisticsError.nonPositive(what: "the values at size 4.0")) {
            try PowerLawFit(points: [.init(size: 1, values: [1]), .init(size: 2, values: [2]), .init(size: 4, values: [0])])
        }
        #expect(throws: StatisticsError.nonPositive(what: "the sizes of a scaling fit")) {
            try PowerLawFit(points: [.init(size: 0, values: [1]), .init(size: 2, values: [2]), .init(size: 4, values: [3])])
        }
        #expect(throws: StatisticsError.nonFinite(what: "the values at size 2.0")) {
            try PowerLawFit(points: [.init(size: 1, values: [1]), .init(size: 2, values: [.nan]), .init(size: 4, values: [3])])
        }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "the values at size 2.0")) {
            try PowerLawFit(points: [.init(size: 1, values: [1]), .init(size: 2, values: []), .init(size: 4, values: [3])])
        }
    }

    @Test("three sizes of single values: an estimate without an interval")
    func noInterval() throws {
        let scaling = try ScalingFit(points: [128.0, 256, 512].map { ScalingPoint(size: $0, values: [$0 * $0]) })
        #expect(scaling.method == nil)
        #expect(scaling.exponent.low == nil && scaling.exponent.high == nil)
        #expect(abs(scaling.exponent.estimate - 2) < 1e-6)
        #expect(scaling.complexityClass == nil)
    }
}
