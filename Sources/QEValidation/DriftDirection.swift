/// Which way times drift within runs.
public enum DriftDirection: String, Sendable, Codable, CaseIterable {
    /// Times rise as a run goes on.
    case slower
    /// Times fall as a run goes on.
    case faster
    /// No drift detected.
    case none
}
