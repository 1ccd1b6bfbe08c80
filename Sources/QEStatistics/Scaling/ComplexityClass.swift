import Foundation

/// The common growth classes a cost is compared with, each with its lower-order terms: a cost
/// is "n²" when a + c·n + b·n² describes it with b > 0, whatever a and c are.
public enum ComplexityClass: String, Sendable, Codable, CaseIterable {
    case constant = "1"
    case linear = "n"
    case linearithmic = "n log n"
    case quadratic = "n^2"
    case cubic = "n^3"

    /// The terms of the class's model at relative size x = n/n₀, the leading term last:
    /// 1 → a; n → a + b·n; n log n → a + c·n + b·n log n; n² → a + c·n + b·n²;
    /// n³ → a + c·n + d·n² + b·n³. With the n term present, x·ln x spans the same models as
    /// n·ln n, so n₀ does not matter. (n² log n is not among the classes: with its n² term it
    /// mimics n³ over the ranges a sweep measures, and the lowest compatible class is named.)
    func terms(at x: Double) -> [Double] {
        switch self {
        case .constant: return [1]
        case .linear: return [1, x]
        case .linearithmic: return [1, x, x * Foundation.log(x)]
        case .quadratic: return [1, x, x * x]
        case .cubic: return [1, x, x * x, x * x * x]
        }
    }

    /// The log-log slopes d ln g / d ln n the class's growing part g can have at sizes of at
    /// least `smallestSize`, its lower-order terms non-negative (costs add up): the exponents a
    /// free fit a + b·nᵏ can find for such costs, since k is in effect a weighted mean of those
    /// slopes over the measured sizes.
    /// - 1: 0 (no growing part); n: 1; n²: 1 to 2 (c·n + b·n² runs from n's slope to n²'s);
    ///   n³: 1 to 3.
    /// - n log n: c·n + b·n·ln n has slope 1 + b/(c + b·ln n), from 1 (a large n term) up to
    ///   1 + 1/ln n, largest at the smallest size; sizes are taken in the parameter's own units
    ///   (no upper end when the smallest size is 1 or less, where ln n ≤ 0).
    func growthSlopes(smallestSize: Double) -> ClosedRange<Double> {
        switch self {
        case .constant: return 0...0
        case .linear: return 1...1
        case .linearithmic: return 1...(smallestSize > 1 ? 1 + 1 / Foundation.log(smallestSize) : .infinity)
        case .quadratic: return 1...2
        case .cubic: return 1...3
        }
    }

    /// The number of coefficients of the class's model.
    var termCount: Int { terms(at: 1).count }
}
