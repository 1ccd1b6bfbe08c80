/// Whether `actual` is within `relative` of `expected` (relative to the larger magnitude), or
/// within `absolute`, for values whose true value is 0 and that are computed with rounding
/// noise. Infinities must match exactly; NaN never matches.
public func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    if actual == expected { return true }
    if !actual.isFinite || !expected.isFinite { return false }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}
