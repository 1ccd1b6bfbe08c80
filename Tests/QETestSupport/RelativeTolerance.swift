/// Whether `actual` is within `tolerance` of `expected`, relative to the size of `expected`
/// (absolute when `expected` is smaller than `floor`). Infinities must match exactly.
public func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double, floor: Double = 1e-300) -> Bool {
    if expected.isInfinite || actual.isInfinite { return actual == expected }
    if expected.isNaN || actual.isNaN { return false }
    let scale = Swift.max(abs(expected), floor)
    return abs(actual - expected) <= tolerance * scale
}
