/// The alternative hypothesis of a test, named as in R.
public enum Alternative: String, Sendable, CaseIterable, Codable {
    /// The location shift is not zero.
    case twoSided = "two.sided"
    /// The first sample is shifted below the second.
    case less
    /// The first sample is shifted above the second.
    case greater
}
