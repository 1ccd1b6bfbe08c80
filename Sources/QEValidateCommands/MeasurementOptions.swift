import ArgumentParser
import QEKernels

/// The options of `run` that the claim command shares, for when it measures itself.
struct MeasurementOptions: ParsableArguments {
    @Option(help: "Suite of built-in kernels to time.")
    var suite: String = WorkloadCatalogue.defaultSuite

    @Option(help: "Variants to time, comma-separated; the first is the reference the others must agree with.")
    var variants: String = KernelVariant.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "Runs (separate processes) to measure, from 1 to 1000.")
    var runs: Int = 5

    @Option(help: "Timed iterations per variant per run, from 1 to 1,000,000.")
    var iterations: Int = 30

    @Option(help: "Warm-up iterations per variant per run, from 0 to 1,000,000.")
    var warmup: Int = 3

    @Option(help: "Seconds a worker run (or one external command) may take before it is stopped, above 0 and at most 86,400 (a day).")
    var timeout: Double = 600

    @Option(help: "External command to time as the baseline (instead of the built-in kernels).")
    var baselineCmd: String?

    @Option(help: "External command to time as the candidate.")
    var candidateCmd: String?

    @Option(help: "Benchmark name for external commands.")
    var name: String = "command"

    @Flag(help: "No progress on standard error.")
    var quiet = false

    var variantList: [String] {
        variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        try OptionRange.runs.check(runs)
        try OptionRange.iterations.check(iterations)
        try OptionRange.warmup.check(warmup)
        try OptionRange.timeout.check(timeout, unit: " s")
        guard (baselineCmd == nil) == (candidateCmd == nil) else {
            throw ValidationError("give both --baseline-cmd and --candidate-cmd, or neither")
        }
        guard !variantList.isEmpty, Set(variantList).count == variantList.count else {
            throw ValidationError("--variants needs distinct variant names, for example baseline,flash")
        }
    }
}

import Foundation
