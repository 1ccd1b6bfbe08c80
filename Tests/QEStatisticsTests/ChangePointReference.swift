
/// `Reference/changepoints.json`, made by `scripts/reference/changepoints.py` (NumPy/SciPy).
struct ChangePointReference: Decodable {
    struct ScanTail: Decodable, Sendable, CustomStringConvertible {
        let count: Int
        let before: Int
        let after: Int
        let threshold: Double
        let draws: Int
        let probability: Double
        var description: String { "m=\(count) [\(before), \(after)] b=\(threshold)" }
    }

    struct VarianceFactor: Decodable, Sendable {
        let runs: Int
        let trimmed: Int
        let asymptotic: Double
        let simulated: Double
    }

    struct Overshoot: Decodable, Sendable {
        let x: Double
        let nu: Double
    }

    let scanTail: [ScanTail]
    let varianceFactor: [VarianceFactor]
    let overshoot: [Overshoot]

    static let fixture: ChangePointReference = ReferenceFixture.load("changepoints.json")
}
