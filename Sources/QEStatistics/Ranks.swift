/// Mid-ranks of a sample with ties averaged, as R's `rank(ties.method = "average")`,
/// and the sizes of the tie groups.
public struct Ranks: Sendable {
    /// `ranks[i]` is the (1-based, averaged) rank of the i-th value.
    public let ranks: [Double]
    /// Σ (t³ − t) over the tie groups, the quantity every tie correction uses.
    public let tieCorrectionSum: Double
    /// Whether any two values are equal.
    public var hasTies: Bool { tieCorrectionSum > 0 }

    /// Ranks `values`.
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSum = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end (0-based) share the average of ranks start+1 ... end.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            let t = Double(end - start)
            tieSum += t * t * t - t
            start = end
        }
        self.ranks = ranks
        self.tieCorrectionSum = tieSum
    }
}
