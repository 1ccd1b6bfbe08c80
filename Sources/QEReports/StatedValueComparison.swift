/// Compares what a report states with what the raw data give, value by value.
///
/// Every value the report states must be recomputed equal: numbers exactly (or within a
/// relative `tolerance`, for reports checked on another platform's floating-point library),
/// integers, strings and verdicts exactly, arrays element by element with the same length.
/// A value the report does not state is not checked — a newer qe-validate may compute more
/// (a section added later) — but a value it states that qe-validate does not compute is a
/// difference.
struct StatedValueComparison {
    /// Largest relative difference accepted between two non-integer numbers (0: exact).
    var tolerance: Double
    /// Values compared so far (leaves of the tree).
    private(set) var compared = 0
    /// Where the report and the recomputation differ, with both values.
    private(set) var differences: [String] = []

    init(tolerance: Double) {
        self.tolerance = tolerance
    }

    mutating func compare(stated: JSONTree, recomputed: JSONTree, path: String) {
        switch (stated, recomputed) {
        case let (.object(statedMembers), .object(recomputedMembers)):
            for key in statedMembers.keys.sorted() {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                guard let statedValue = statedMembers[key] else { continue }
                guard let recomputedValue = recomputedMembers[key] else {
                    differences.append("\(childPath): the report states \(statedValue.summary), which qe-validate does not compute")
                    continue
                }
                compare(stated: statedValue, recomputed: recomputedValue, path: childPath)
            }
        case let (.array(statedElements), .array(recomputedElements)):
            guard statedElements.count == recomputedElements.count else {
                differences.append("\(path): the report lists \(statedElements.count), the raw data give \(recomputedElements.count)")
                return
            }
            for (index, (statedValue, recomputedValue)) in zip(statedElements, recomputedElements).enumerated() {
                compare(stated: statedValue, recomputed: recomputedValue, path: "\(path)[\(index)\(Self.label(recomputedValue))]")
            }
        default:
            compared += 1
            if !equal(stated, recomputed) {
                differences.append("\(path): the report states \(stated.summary), the raw data give \(recomputed.summary)")
            }
        }
    }

    private func equal(_ stated: JSONTree, _ recomputed: JSONTree) -> Bool {
        switch (stated, recomputed) {
        case (.number, _), (_, .number):
            guard let a = stated.numberValue, let b = recomputed.numberValue else { return false }
            if a == b { return true }
            return tolerance > 0 && abs(a - b) <= tolerance * max(abs(a), abs(b))
        case let (.integer(a), .unsigned(b)), let (.unsigned(b), .integer(a)):
            return a >= 0 && UInt64(a) == b
        default:
            return stated == recomputed
        }
    }

    /// ` test-similarity` for an element with a name, to say which workload a path is about.
    private static func label(_ element: JSONTree) -> String {
        if case let .object(members) = element, case let .string(name)? = members["name"] { return " \(name)" }
        return ""
    }
}
