import ArgumentParser
import QEValidation

/// `--max-p` and `--min-change`: how `history detect` and `history report` find change points.
/// Declared once for both, so the pages always show the change points `history detect` finds
/// with the same options.
struct ChangeOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Largest search-adjusted p-value of a change point (the per-series false-alarm budget).", valueName: "p"))
    var maxP: Double = ChangeOptions.defaultMaxP

    @Option(help: ArgumentHelp("Smallest change kept, e.g. 2%.", valueName: "pct"))
    var minChange = PercentageArgument(fraction: 0)

    init() {}

    func validate() throws {
        try OptionRange.maxP.check(maxP)
        try OptionRange.minChange.check(minChange.fraction * 100, unit: "%")
    }

    /// The judge's options.
    var options: ChangeOptions { ChangeOptions(maxP: maxP, minChange: minChange.fraction) }
}
