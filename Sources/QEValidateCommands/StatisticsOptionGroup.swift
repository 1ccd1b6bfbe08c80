import ArgumentParser
import QEValidation

/// `--confidence`, `--seed` and `--replicates`: declared once, with one validation, for every
/// command that computes intervals (compare, --claim, gate, report).
struct StatisticsOptionGroup: ParsableArguments {
    @Option(help: "Confidence of the intervals (of the whole family, for claims and the gate), strictly between 0.5 and 1.")
    var confidence: Double = 0.95

    @Option(help: "Seed of the bootstrap (and of the inputs, when --claim measures): the same seed gives the same answer on every machine.")
    var seed: UInt64 = ComparisonOptions.defaultSeed

    @Option(help: "Bootstrap replicates, from 100 to 1,000,000.")
    var replicates: Int = ComparisonOptions.defaultReplicates

    func validate() throws {
        try OptionRange.confidence.check(confidence)
        try OptionRange.replicates.check(replicates)
    }
}
