import ArgumentParser
import QEStatistics
import QEValidation

/// The gate's thresholds and policies, declared once for `gate` and for `report --baseline`.
/// The interval method is not here: it is `--method` in `gate` and `--gate-method` in `report`,
/// whose `--method` is the claim's.
struct GateOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Largest slowdown allowed for every benchmark, e.g. 5% (0% to 1000%).", valueName: "percent"))
    var maxRegression: String = "5%"

    @Option(help: ArgumentHelp("Threshold for one benchmark name (repeatable), e.g. code-embedding=10%.", valueName: "name=percent"))
    var threshold: [String] = []

    @Option(help: "What an inconclusive benchmark does: pass (with a warning) or fail (exit 3).")
    var onInconclusive: GateInconclusivePolicy = .pass

    @Flag(help: "Compare with a baseline from a different machine or build instead of refusing.")
    var allowForeignMachine = false

    @Option(help: "What stands for a run in the unpaired-runs interval: minimum (the fastest iteration; robust to a busy machine), median or geometric-mean.")
    var runStatistic: RunStatistic = GateOptions.defaultRunStatistic

    func validate() throws {
        do {
            _ = try thresholds()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--max-regression` with every `--threshold`.
    /// - Throws: `GateThresholds.ParseError`.
    func thresholds() throws(GateThresholds.ParseError) -> GateThresholds {
        var thresholds = GateThresholds(default: try GateThresholds.parsePercent(maxRegression))
        for text in threshold {
            let (name, value) = try GateThresholds.parseNamed(text)
            thresholds.perName[name] = value
        }
        return thresholds
    }

    /// Whether every option has its default (`report` refuses gate options without `--baseline`).
    var isDefault: Bool {
        maxRegression == "5%" && threshold.isEmpty && onInconclusive == .pass && !allowForeignMachine
            && runStatistic == GateOptions.defaultRunStatistic
    }

    /// How the gate judges, with the interval method and the statistics options.
    func gateOptions(method: GateMethod, statistics: StatisticsOptionGroup) throws(GateThresholds.ParseError) -> GateOptions {
        GateOptions(
            thresholds: try thresholds(), onInconclusive: onInconclusive, confidence: statistics.confidence, method: method,
            seed: statistics.seed, bootstrapReplicates: statistics.replicates, allowForeignMachine: allowForeignMachine,
            runStatistic: runStatistic)
    }
}
