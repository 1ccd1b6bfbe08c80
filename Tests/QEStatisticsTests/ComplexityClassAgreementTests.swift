import Foundation
@testable import QEStatistics
import QETestSupport
import Testing

/// A growth class is named only when k's interval agrees with it as well as its model fits:
/// with four sizes the lack-of-fit comparison alone accepts n for costs that grow as n².
@Suite("Growth classes agree with the exponent's interval")
struct ComplexityClassAgreementTests {
    static let sizes: [Double] = [512, 1024, 2048, 4096]

    /// Five runs at four sizes of n² with a fixed cost as large as the middle size's growth
    /// (`share`), lognormal noise (seeded).
    static func fourSizes(noise: Double, share: Double, seed: UInt64) -> [ScalingPoint] {
        var random = RandomSource(seed: seed)
        return sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in (share + pow(size / 1448, 2)) * exp(noise * random.nextGaussian()) })
        }
    }

    /// Whether the model comparison alone (the rule before the interval had a say) accepts `candidate`.
    static func fitsAlone(_ candidate: ComplexityClass, _ points: [ScalingPoint]) throws -> Bool {
        ComplexityClassTest(
            candidate, design: try ScalingDesign(points: points), free: try PowerLawFit(points: points), confidence: 0.95
        ).compatible
    }

    @Test(
        "four sizes of n²: the fit comparison alone accepts n, k's interval lies above 1.1, so n is not named",
        arguments: [(0.25, 1.0, 134), (0.3, 0.3, 103)] as [(Double, Double, UInt64)])
    func fourSizesNotNamedLinear(noise: Double, share: Double, seed: UInt64) throws {
        let points = Self.fourSizes(noise: noise, share: share, seed: seed)
        #expect(try Self.fitsAlone(.linear, points), "the case this guards against: the F comparison alone accepts n")
        let scaling = try ScalingFit(points: points, replicates: 1000)
        let low = try #require(scaling.exponent.low)
        #expect(low > 1 + ScalingFit.exponentTolerance, "k's interval \(scaling.exponent)")
        #expect(!scaling.compatibleClasses.contains(.linear))
        // No class both fits and agrees with k: none is named rather than a wrong one.
        #expect(scaling.complexityClass == nil, "\(scaling.compatibleClasses)")
    }

    @Test("the slopes each class's growing part can have over the measured sizes")
    func growthSlopes() {
        #expect(ComplexityClass.constant.growthSlopes(smallestSize: 100) == 0...0)
        #expect(ComplexityClass.linear.growthSlopes(smallestSize: 100) == 1...1)
        #expect(ComplexityClass.quadratic.growthSlopes(smallestSize: 100) == 1...2)
        #expect(ComplexityClass.cubic.growthSlopes(smallestSize: 100) == 1...3)
        let linearithmic = ComplexityClass.linearithmic.growthSlopes(smallestSize: 1000)
        #expect(linearithmic.lowerBound == 1)
        #expect(abs(linearithmic.upperBound - (1 + 1 / log(1000.0))) < 1e-12)
        #expect(ComplexityClass.linearithmic.growthSlopes(smallestSize: 1).upperBound == .infinity)
    }

    @Test("a clean n^1.5 cost is none of the classes, though n²'s slopes reach its k")
    func betweenClasses() throws {
        var random = RandomSource(seed: 21)
        let sizes: [Double] = [128, 256, 512, 1024, 2048, 4096, 8192]
        let points = sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in (1 + pow(size / 1024, 1.5)) * exp(0.02 * random.nextGaussian()) })
        }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        #expect(scaling.exponent.contains(1.5))
        #expect(scaling.complexityClass == nil, "\(scaling.compatibleClasses)")
    }
}

@Suite("Growth classes: exponents within the tolerance")
struct ComplexityClassToleranceTests {
    @Test("an exact n³ loop timed with a percent of distortion across sizes (k = 3.01, narrow interval) is n³")
    func slightlyAboveTheDegree() throws {
        // A start-up, then n³ work whose time per step rises by 2% from the smallest to the
        // largest size (as elapsed times do); 0.5% noise per run.
        var random = RandomSource(seed: 4)
        let sizes: [Double] = [64, 96, 144, 216, 324, 400]
        let points = sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in
                (3.5e6 + 1.3 * pow(size, 3) * (1 + 0.02 * log(size / 64) / log(400.0 / 64))) * exp(0.005 * random.nextGaussian())
            })
        }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        let low = try #require(scaling.exponent.low)
        #expect(low > 3, "the case: k's interval \(scaling.exponent) lies just above 3")
        #expect(scaling.complexityClass == .cubic, "\(scaling.compatibleClasses)")
    }
}

@Suite("Growth classes: a cost that does not grow")
struct ComplexityClassFlatCostTests {
    @Test("a clean linear cost over a large start-up is not called constant")
    func linearOverStartUp() throws {
        // The cost rises by half over the range (log-log slope 0.06, within the tolerance of
        // 0), but k's interval is narrow around 1: the growth is established.
        var random = RandomSource(seed: 9)
        let sizes: [Double] = [1000, 4000, 16000, 64000, 256000, 1024000]
        let points = sizes.map { size in
            ScalingPoint(size: size, values: (0..<5).map { _ in (4e6 + 2 * size) * exp(0.005 * random.nextGaussian()) })
        }
        let scaling = try ScalingFit(points: points, replicates: 1000)
        #expect(scaling.logLogSlope.estimate < ScalingFit.exponentTolerance)
        #expect(scaling.complexityClass == .linear, "\(scaling.compatibleClasses), k \(scaling.exponent)")
    }
}
