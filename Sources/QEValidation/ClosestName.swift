/// The known name closest to a misspelt one, for "did you mean" in messages: the smallest
/// Levenshtein distance (insertions, deletions, substitutions of Unicode scalars), the first in
/// the given order on a tie.
enum ClosestName {
    /// Names are compared on their first this many scalars, so that a hostile name cannot make a
    /// message slow.
    static let comparedLength = 256

    static func closest(to name: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(name, candidate)
            if distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// The Levenshtein distance of `a` and `b` (of their first ``comparedLength`` scalars).
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    static func distance(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars.prefix(comparedLength))
        let right = Array(b.unicodeScalars.prefix(comparedLength))
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for (i, l) in left.enumerated() {
            current[0] = i + 1
            for (j, r) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (l == r ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
