import Foundation

/// The cost curve y ≈ a + b·nᵏ (a ≥ 0, b ≥ 0, 0 ≤ k ≤ ``maximumExponent``) fitted to costs
/// measured at several sizes n: a is the fixed cost (process start-up, constant buffers), b·nᵏ
/// the part that grows, k how fast it grows.
///
/// Method: weighted least squares on relative errors, Σᵢ Σᵣ (yᵢᵣ − a − b·nᵢᵏ)² / mᵢ², where mᵢ is
/// the geometric mean of the values at size nᵢ: timing noise is multiplicative, so each size
/// counts by its relative misfit and the largest sizes do not swamp the intercept (R:
/// `nls(y ~ a + b * n^k, weights = 1/m^2, algorithm = "port", lower = 0)`). For a fixed k the
/// model is linear in (a, b), solved exactly under a, b ≥ 0 (variable projection: Golub &
/// Pereyra 1973); k is found by scanning [0, ``maximumExponent``] in steps of ``gridStep`` and
/// refining the best step by golden-section search, so no starting values are needed and the
/// scan cannot stop in a local minimum coarser than one step.
///
/// Assumes at least three distinct sizes (three parameters), costs that do not fall with size,
/// and the same relative noise at every size.
/// - Complexity: O(s·(K/``gridStep`` + log(1/tolerance))) for s sizes, plus O(N) for N values.
public struct PowerLawFit: Sendable, Equatable {
    /// a, in the unit of the values.
    public let intercept: Double
    /// b, in the unit of the values per nᵏ (n in its own unit).
    public let coefficient: Double
    /// k.
    public let exponent: Double
    /// Σ (y − a − b·nᵏ)²/m² over every value (R: `deviance` of the weighted `nls` fit).
    public let weightedResidualSumOfSquares: Double
    /// The number of values fitted.
    public let observations: Int

    /// The largest exponent considered; an estimate there means "at least this steep".
    public static let maximumExponent = 8.0
    /// The spacing of the scan over k before refinement.
    static let gridStep = 0.05
    /// The precision of the refined k.
    static let tolerance = 1e-9

    /// Fits the curve to `points`.
    /// - Throws: `StatisticsError` with fewer than three distinct sizes, a size or value that is
    ///   not finite and positive, or a point without values.
    public init(points: [ScalingPoint]) throws(StatisticsError) {
        let design = try ScalingDesign(points: points)
        let fitted = design.fit(means: design.means)
        let scale = design.valueScale
        intercept = fitted.intercept * scale
        coefficient = fitted.slope * scale / Foundation.pow(design.referenceSize, fitted.exponent)
        exponent = fitted.exponent
        weightedResidualSumOfSquares = design.withinSumOfSquares + fitted.residualSumOfSquares
        observations = design.observations
    }

    /// a + b·nᵏ.
    public func value(at size: Double) -> Double {
        intercept + coefficient * Foundation.pow(size, exponent)
    }

    /// Whether k sits at ``maximumExponent``: the costs grow at least that fast here.
    public var exponentAtBound: Bool { exponent >= Self.maximumExponent - 1e-6 }
}

/// The sizes and values of a power-law fit, prepared once: sizes relative to their geometric
/// mean (so nᵏ stays in range), values divided by one common scale, each size's weight
/// (values counted / mᵢ²) and mean. The bootstrap refits with new means and the same weights.
struct ScalingDesign: Sendable {
    /// ln(nᵢ / n₀) per point.
    let logRelativeSizes: [Double]
    /// n₀: the geometric mean of the sizes.
    let referenceSize: Double
    /// The common scale of the values (their geometric mean).
    let valueScale: Double
    /// (values at nᵢ) / mᵢ², mᵢ on the common scale.
    let weights: [Double]
    /// The mean of the scaled values at each size.
    let means: [Double]
    /// The scaled values, per point.
    let values: [[Double]]
    /// Σᵢ Σᵣ (yᵢᵣ − ȳᵢ)²/mᵢ²: the part of the residual sum no curve can remove.
    let withinSumOfSquares: Double
    let observations: Int

    init(points: [ScalingPoint]) throws(StatisticsError) {
        guard Set(points.map(\.size)).count >= 3 else {
            throw .tooFewObservations(
                needed: 3, got: Set(points.map(\.size)).count, what: "a fit of a + b·n^k (distinct sizes)")
        }
        var logSizes: [Double] = []
        var logValueSum = 0.0
        var count = 0
        for point in points {
            guard point.size.isFinite else { throw .nonFinite(what: "the sizes of a scaling fit") }
            guard point.size > 0 else { throw .nonPositive(what: "the sizes of a scaling fit") }
            try StatisticsError.check(point.values, atLeast: 1, "the values at size \(point.size)")
            for value in point.values where value <= 0 {
                throw .nonPositive(what: "the values at size \(point.size)")
            }
            logSizes.append(Foundation.log(point.size))
            logValueSum += point.values.reduce(0) { $0 + Foundation.log($1) }
            count += point.values.count
        }
        let logReference = logSizes.reduce(0, +) / Double(logSizes.count)
        referenceSize = Foundation.exp(logReference)
        logRelativeSizes = logSizes.map { $0 - logReference }
        let valueScale = Foundation.exp(logValueSum / Double(count))
        self.valueScale = valueScale
        var weights: [Double] = []
        var means: [Double] = []
        var values: [[Double]] = []
        var within = 0.0
        for point in points {
            let scaled = point.values.map { $0 / valueScale }
            let geometricMean = Foundation.exp(scaled.reduce(0) { $0 + Foundation.log($1) } / Double(scaled.count))
            let weight = 1 / (geometricMean * geometricMean)
            let mean = scaled.reduce(0, +) / Double(scaled.count)
            within += weight * scaled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            weights.append(weight * Double(scaled.count))
            means.append(mean)
            values.append(scaled)
        }
        self.weights = weights
        self.means = means
        self.values = values
        withinSumOfSquares = within
        observations = count
    }

    /// The fit on the scaled values: intercept and slope on the scaled, size-relative axes.
    struct Fitted {
        var intercept: Double
        var slope: Double
        var exponent: Double
        var residualSumOfSquares: Double
    }

    /// The best (a, b, k) for the given means at each size, with this design's weights.
    func fit(means: [Double]) -> Fitted {
        func line(_ k: Double) -> NonNegativeLineFit {
            NonNegativeLineFit(x: logRelativeSizes.map { Foundation.exp(k * $0) }, y: means, weights: weights)
        }
        let steps = Int((PowerLawFit.maximumExponent / PowerLawFit.gridStep).rounded())
        var bestStep = 0
        var bestSum = Double.infinity
        for step in 0...steps {
            let sum = line(Double(step) * PowerLawFit.gridStep).residualSumOfSquares
            if sum < bestSum {
                bestSum = sum
                bestStep = step
            }
        }
        let centre = Double(bestStep) * PowerLawFit.gridStep
        let exponent = GoldenSectionSearch.minimum(
            lower: max(0, centre - PowerLawFit.gridStep), upper: min(PowerLawFit.maximumExponent, centre + PowerLawFit.gridStep),
            tolerance: PowerLawFit.tolerance
        ) { line($0).residualSumOfSquares }
        // The refinement searches the neighbourhood of the best step; keep the step itself if
        // it is better (the minimum sits at an end of [0, K]).
        let refined = line(exponent)
        if refined.residualSumOfSquares <= bestSum {
            return Fitted(intercept: refined.intercept, slope: refined.slope, exponent: exponent, residualSumOfSquares: refined.residualSumOfSquares)
        }
        let best = line(centre)
        return Fitted(intercept: best.intercept, slope: best.slope, exponent: centre, residualSumOfSquares: best.residualSumOfSquares)
    }

    /// The slope of the weighted least-squares line of ln(mean) on ln(size): the growth a
    /// log-log plot shows, with no intercept to absorb fixed costs.
    func logLogSlope(means: [Double]) -> Double {
        var sw = 0.0, sx = 0.0, sy = 0.0
        for index in means.indices {
            let w = Double(values[index].count)
            sw += w
            sx += w * logRelativeSizes[index]
            sy += w * Foundation.log(means[index])
        }
        let mx = sx / sw
        let my = sy / sw
        var sxx = 0.0, sxy = 0.0
        for index in means.indices {
            let w = Double(values[index].count)
            let dx = logRelativeSizes[index] - mx
            sxx += w * dx * dx
            sxy += w * dx * (Foundation.log(means[index]) - my)
        }
        return sxy / sxx
    }
}
