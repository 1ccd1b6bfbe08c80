/// Which way a benchmark's level moved at a change point.
public enum ChangeDirection: String, Sendable, Codable, CaseIterable {
    /// Slower after the change (ratio of levels after ÷ before above 1).
    case regression
    /// Faster after the change.
    case improvement
}
