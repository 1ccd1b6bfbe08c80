import Foundation

/// The common growth classes a fitted exponent is compared with.
///
/// Each class but ``constant`` has an apparent exponent on the data: the k that ``PowerLawFit``
/// finds for the class's own best curve a + b·f(n) at the sizes measured (k = p for nᵖ; for
/// n·log n a little above 1, the more so the smaller the sizes and the fixed cost). A class is compatible with a
/// fit when its apparent exponent lies in the exponent's interval; ``constant`` is compatible
/// when the log-log slope's interval holds 0 (nothing grows detectably).
public enum ComplexityClass: String, Sendable, Codable, CaseIterable {
    case constant = "1"
    case linear = "n"
    case linearithmic = "n log n"
    case quadratic = "n^2"
    case quadraticLogarithmic = "n^2 log n"
    case cubic = "n^3"

    /// The class's cost at size n, up to a constant factor; nil for ``constant``.
    func cost(at size: Double) -> Double? {
        switch self {
        case .constant: return nil
        case .linear: return size
        case .linearithmic: return size * Foundation.log(size)
        case .quadratic: return size * size
        case .quadraticLogarithmic: return size * size * Foundation.log(size)
        case .cubic: return size * size * size
        }
    }

    /// The exponent ``PowerLawFit`` finds for this class's cost curve fitted to the data: the
    /// best a + b·f(n) (a, b ≥ 0, the fit's own weights) for the class's f, evaluated at the
    /// measured sizes and fitted with a + b·nᵏ. For nᵖ that is p; for n·log n it depends on
    /// the sizes and the fixed cost. nil for ``constant``, and when the class's curve is not
    /// positive at every size (log n at n ≤ 1 with no fixed cost).
    func apparentExponent(design: ScalingDesign, means: [Double]) -> Double? {
        switch self {
        case .constant: return nil
        case .linear: return 1
        case .quadratic: return 2
        case .cubic: return 3
        case .linearithmic, .quadraticLogarithmic:
            let sizes = design.logRelativeSizes.map { design.referenceSize * Foundation.exp($0) }
            guard let reference = cost(at: design.referenceSize), reference > 0 else { return nil }
            let x = sizes.map { (cost(at: $0) ?? 0) / reference }
            let line = NonNegativeLineFit(x: x, y: means, weights: design.weights)
            let points = zip(sizes, x).map { ScalingPoint(size: $0, values: [line.intercept + line.slope * $1]) }
            return (try? PowerLawFit(points: points))?.exponent
        }
    }
}
