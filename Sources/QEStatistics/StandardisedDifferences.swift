/// The differences of successive commit levels dᵢ standardised by their noise under a
/// commit-to-commit variance τ²: xᵢ(τ²) = |dᵢ| / √(2τ² + vᵢ + vᵢ₊₁), with vᵢ the run share of
/// commit i; and the τ² at which their scaled median c · median xᵢ(τ²) (c the MAD constant)
/// falls to 1 (``CommitNoise``).
struct StandardisedDifferences {
    let differences: [Double]
    let shares: [Double]

    /// - Parameters: `differences` (n − 1 values) and `shares` (n values).
    init(differences: [Double], shares: [Double]) {
        precondition(shares.count == differences.count + 1, "one share per commit")
        self.differences = differences
        self.shares = shares
    }

    /// xᵢ(τ²).
    @inline(__always)
    private func value(_ index: Int, _ tau2: Double) -> Double {
        let variance = 2 * tau2 + shares[index] + shares[index + 1]
        return variance > 0 ? abs(differences[index]) / variance.squareRoot() : (differences[index] == 0 ? 0 : .infinity)
    }

    /// c · median xᵢ(τ²).
    /// - Complexity: O(n).
    func scale(_ tau2: Double) -> Double {
        var scratch = differences.indices.map { value($0, tau2) }
        return Summary.madConstant * scratch.withUnsafeMutableBufferPointer { GSL.medianReordering($0) }
    }

    /// The τ² that bisection (60 halvings from [0, h], h = max(`start`, 10⁻³⁰⁰) · 4ᵏ for the
    /// first k at which the scale is at most 1) finds for scale(τ²) = 1: the upper end of the
    /// last bracket.
    ///
    /// For an odd number of differences the median is the value of rank (m − 1)/2, so
    /// scale(τ²) > 1 exactly when at least m − (m − 1)/2 values pass c · xᵢ > 1 (rounding is
    /// monotone, so the passing values are the largest). Each xᵢ(τ²) is non-increasing in τ²
    /// (every rounded operation is monotone), so a value that passes at the bracket's upper end
    /// passes throughout the bracket, and one that fails at its lower end fails throughout:
    /// only the others are evaluated again at each halving. The answer is the one evaluating
    /// every value at every step (or selecting the median) would give, bit for bit, in a few
    /// passes over the values instead of sixty. For an even number the median of the two
    /// middle values is selected at each step.
    /// - Complexity: O(m) per halving in the worst case, typically O(m) in all.
    func root(start: Double) -> Double {
        let count = differences.count
        let needed = count - (count - 1) / 2
        func passes(_ index: Int, _ tau2: Double) -> Bool { Summary.madConstant * value(index, tau2) > 1 }
        func exceedsOne(_ tau2: Double) -> Bool {
            guard count % 2 == 1 else { return scale(tau2) > 1 }
            var passing = 0
            for index in 0..<count where passes(index, tau2) { passing += 1 }
            return passing >= needed
        }
        var low = 0.0
        var high = max(start, 1e-300)
        while exceedsOne(high) { high *= 4 }
        guard count % 2 == 1 else {
            for _ in 0..<60 {
                let middle = (low + high) / 2
                if scale(middle) > 1 { low = middle } else { high = middle }
            }
            return high
        }
        var settledPassing = 0
        var open: [Int] = []
        open.reserveCapacity(count)
        for index in 0..<count {
            if passes(index, high) { settledPassing += 1 } else if passes(index, low) { open.append(index) }
        }
        var stillOpen: [Int] = []
        stillOpen.reserveCapacity(count)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            var passing = settledPassing
            for index in open where passes(index, middle) { passing += 1 }
            let exceeds = passing >= needed
            stillOpen.removeAll(keepingCapacity: true)
            for index in open {
                let passesHere = passes(index, middle)
                if exceeds {
                    // low becomes middle: a value failing here fails on the rest of the bracket.
                    if passesHere { stillOpen.append(index) }
                } else {
                    // high becomes middle: a value passing here passes on the rest of the bracket.
                    if passesHere { settledPassing += 1 } else { stillOpen.append(index) }
                }
            }
            swap(&open, &stillOpen)
            if exceeds { low = middle } else { high = middle }
        }
        return high
    }
}
