import QEResults

/// What makes a poor baseline, said before it is committed (`baseline update`): a debug build,
/// fewer than 3 runs, a machine the gate cannot check.
public enum BaselineAdvice {
    /// One warning per weakness of `file` as a baseline; none for a good one.
    public static func warnings(for file: ResultsFile) -> [String] {
        var warnings: [String] = []
        if file.environment.build?.hasPrefix("debug") == true {
            warnings.append("measured in a debug build: gate results of a release build against it would be refused as a different build")
        }
        let fewRuns = file.benchmarks.filter { $0.runs.count < 3 }.map { "\($0.name) (\($0.variant))" }
        if !fewRuns.isEmpty {
            warnings.append("fewer than 3 runs for \(fewRuns.joined(separator: ", ")): the gate cannot see run-to-run variation for them")
        }
        if file.environment.cpu == nil || file.environment.cores == nil {
            warnings.append("the machine (CPU, cores) is not recorded: the gate cannot check that results come from the same kind of machine")
        }
        return warnings
    }
}
