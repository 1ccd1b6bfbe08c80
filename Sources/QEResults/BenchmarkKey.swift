/// What identifies a benchmark within a results file: its name and its variant.
public struct BenchmarkKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The workload, e.g. `"test-similarity"`.
    public var name: String
    /// The implementation measured, e.g. `"baseline"` or `"flash"`.
    public var variant: String

    /// Creates a key.
    public init(name: String, variant: String) {
        self.name = name
        self.variant = variant
    }

    /// `name (variant)`, the form used in every message and report.
    public var description: String { "\(name) (\(variant))" }

    /// Orders by name, then by variant.
    public static func < (lhs: BenchmarkKey, rhs: BenchmarkKey) -> Bool {
        (lhs.name, lhs.variant) < (rhs.name, rhs.variant)
    }
}
