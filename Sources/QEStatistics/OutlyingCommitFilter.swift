/// Replaces the level of a commit that stands alone — far from its neighbours on both sides — by
/// the running median of its neighbourhood (a Hampel filter; Hampel 1974, Pearson et al. 2016,
/// "Generalized Hampel filters"), so that one outlying commit, or two in a row inside the
/// history, cannot pass for a change.
///
/// The running median covers five commits (i − 2 … i + 2) inside the history and three at the
/// second and second-to-last commits, reading the levels already filtered to the left (so that
/// a replaced commit does not drag its neighbour's window); the first and last commits take
/// their neighbour's (the last, when the second-to-last was replaced, the middle of its two
/// other neighbours). A level is replaced when it lies more than ``cutoff`` standard deviations
/// σᵢ from that median.
/// The windows are chosen so that a real change survives: a step whose new level lasts three
/// commits keeps every commit on its side of the step, and so does a step of two commits at the
/// end of the history (the change that just landed), since the last two commits' window is the
/// last three. Two outlying commits in a row at the very end cannot be told from such a change.
public enum OutlyingCommitFilter {
    /// Distances (in σᵢ) beyond which a level is replaced.
    public static let cutoff = 3.0

    /// The filtered levels and whether each was replaced.
    /// - Parameters:
    ///   - levels: the commit levels, in order.
    ///   - standardDeviations: σᵢ of each level (same count).
    /// - Complexity: O(n).
    public static func filter(_ levels: [Double], standardDeviations: [Double]) -> (levels: [Double], replaced: [Bool]) {
        let n = levels.count
        precondition(standardDeviations.count == n, "one standard deviation per level")
        guard n >= 3 else { return (levels, Array(repeating: false, count: n)) }
        var filtered = levels
        var replaced = Array(repeating: false, count: n)
        // Left to right, each window reads the levels already filtered before it, so that an
        // outlying commit does not become the centre of its right-hand neighbour's window.
        func window(_ index: Int) -> Double {
            if index >= 2 && index <= n - 3 {
                return medianOfFive(filtered[index - 2], filtered[index - 1], levels[index], levels[index + 1], levels[index + 2])
            }
            return medianOfThree(filtered[index - 1], levels[index], levels[index + 1])
        }
        let firstCentre = window(1)
        for index in 1..<(n - 1) {
            let centre = window(index)
            if abs(levels[index] - centre) > cutoff * standardDeviations[index] {
                filtered[index] = centre
                replaced[index] = true
            }
        }
        // The first commit takes the second's centre. The last takes the second-to-last's,
        // unless that commit was itself replaced: then the middle of its other two neighbours.
        let lastCentre = replaced[n - 2]
            ? (filtered[max(0, n - 3)] + levels[n - 1]) / 2
            : medianOfThree(filtered[n - 3], levels[n - 2], levels[n - 1])
        for (index, centre) in [(0, firstCentre), (n - 1, lastCentre)]
        where abs(levels[index] - centre) > cutoff * standardDeviations[index] {
            filtered[index] = centre
            replaced[index] = true
        }
        return (filtered, replaced)
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }

    private static func medianOfFive(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) -> Double {
        var values = (a, b, c, d, e)
        return withUnsafeMutableBytes(of: &values) { raw in
            let buffer = raw.bindMemory(to: Double.self)
            // Insertion sort of five values: cheaper than a general median here.
            for i in 1..<5 {
                let value = buffer[i]
                var j = i - 1
                while j >= 0 && buffer[j] > value {
                    buffer[j + 1] = buffer[j]
                    j -= 1
                }
                buffer[j + 1] = value
            }
            return buffer[2]
        }
    }
}
