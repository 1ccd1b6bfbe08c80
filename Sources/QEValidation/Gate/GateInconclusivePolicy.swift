/// What an inconclusive benchmark does to the gate (`--on-inconclusive`).
public enum GateInconclusivePolicy: String, Sendable, Codable, CaseIterable {
    /// Pass, with a warning that names the benchmark (the default: a noisy runner must not
    /// block merges on data that cannot decide).
    case pass
    /// Fail with exit status 3: only a proven absence of regression passes.
    case fail
}
