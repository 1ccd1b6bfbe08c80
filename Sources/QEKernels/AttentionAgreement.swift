/// Whether two attention outputs for the same inputs agree within the kernels' error bound: the
/// check the timing harness runs on `baseline` and `flash` before timing them.
///
/// Each kernel is within `AttentionTolerance.maximumAbsoluteError(for:)` of exact attention, so
/// two correct kernels are within twice that of each other; `bound` is that doubled value.
/// A NaN or infinite output never agrees.
public struct AttentionAgreement: Sendable, Hashable {
    /// The largest |a − b| over all elements (infinity if any element is NaN or infinite).
    public let maximumError: Float
    /// 2 · `AttentionTolerance.maximumAbsoluteError(for:)` of the inputs.
    public let bound: Float

    /// Whether `maximumError` ≤ `bound`.
    public var withinBound: Bool { maximumError <= bound }

    /// Compares two outputs (seqLen·dim floats each, row-major) of attention on `inputs`.
    /// - Complexity: O(seqLen·dim).
    public static func check(
        _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, inputs: AttentionInputs
    ) -> AttentionAgreement {
        let count = inputs.seqLen * inputs.dim
        precondition(a.count >= count && b.count >= count, "outputs must hold seqLen·dim values")
        var largest: Float = 0
        for index in 0..<count {
            let difference = abs(a[index] - b[index])
            // NaN compares false, so test for "not within" rather than "larger".
            if !(difference <= largest) {
                largest = difference.isFinite ? difference : .infinity
            }
        }
        return AttentionAgreement(maximumError: largest, bound: 2 * AttentionTolerance.maximumAbsoluteError(for: inputs))
    }

    /// Compares two outputs held in arrays; see `check(_:_:inputs:)`.
    public static func check(_ a: [Float], _ b: [Float], inputs: AttentionInputs) -> AttentionAgreement {
        a.withUnsafeBufferPointer { first in
            b.withUnsafeBufferPointer { second in check(first, second, inputs: inputs) }
        }
    }

    /// An agreement from known values (for tests and reports).
    public init(maximumError: Float, bound: Float) {
        self.maximumError = maximumError
        self.bound = bound
    }
}
