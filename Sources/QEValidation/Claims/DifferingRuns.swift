import QEFormats

/// The runs of one variant differ from each other clearly (Kruskal–Wallis p below 1 −
/// confidence) and by a share worth knowing (a tenth of the variance or more), under an interval
/// that treats runs as the units and so accounts for it: said for information.
public struct DifferingRuns: Sendable, Equatable {
    public var variant: String
    public var kruskalWallisP: Double
    /// The share of the variance that lies between runs.
    public var betweenRunShare: Double
    /// The interval that treats the runs as units.
    public var method: IntervalMethod

    /// The warning the verdict document states for it.
    public var sentence: String {
        "the runs of \(variant) differ from each other (Kruskal–Wallis p \(PValueText.relation(kruskalWallisP)), \(PercentText.percent((betweenRunShare * 1000).rounded() / 1000)) of the variance between runs); the \(method.rawValue) interval treats runs as the units, so it accounts for this"
    }
}
