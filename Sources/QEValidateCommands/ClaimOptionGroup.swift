import ArgumentParser
import QEKernels
import QEValidation

/// The options that say what claim to judge and how, shared by `--claim` (`validate`) and
/// `report`: the claims, the workloads and variants judged, confidence, method, bootstrap, and a
/// memory claim.
struct ClaimOptionGroup: ParsableArguments {
    @Option(name: .customLong("claim"), help: "The claimed speedup (repeatable; NAME=RANGE for one workload).")
    var claimTexts: [String] = []

    @Option(name: .customLong("claims"), help: "'builtin' for the catalogue's claims, or a JSON/YAML claims file.")
    var claimsSource: String?

    @Option(name: .customLong("workload"), help: "Judge only this workload (repeatable).")
    var workloads: [String] = []

    @Option(help: "Baseline variant.")
    var baselineVariant: String = "baseline"

    @Option(help: "Candidate variant (default: flash, or the only other variant).")
    var candidateVariant: String?

    @Option(help: "Confidence of the whole family of intervals.")
    var confidence: Double = 0.95

    @Option(help: "auto, paired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var method: ComparisonMethod = .auto

    @Option(help: "Seed of the bootstrap (and, when measuring, of the inputs).")
    var seed: UInt64 = ComparisonOptions.defaultSeed

    @Option(help: "Bootstrap replicates.")
    var replicates: Int = ComparisonOptions.defaultReplicates

    @Option(help: "Claimed memory reduction, e.g. 50%-75% (judged on the results' memory figures).")
    var memoryClaim: String?

    func validate() throws {
        guard confidence > 0, confidence < 1 else {
            throw ValidationError("--confidence must be strictly between 0 and 1, for example 0.95 (got \(confidence))")
        }
        guard replicates >= 100 else { throw ValidationError("--replicates must be at least 100 (got \(replicates))") }
        guard !claimTexts.isEmpty || claimsSource != nil else {
            throw ValidationError("give the claim to judge, for example --claim 2.49x-7.47x; \(ClaimParser.acceptedForms)")
        }
        do {
            _ = try ClaimParser.parse(claimTexts)
            if let memoryClaim { _ = try ClaimParser.parseMemoryReduction(memoryClaim) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The claims: `--claims` (`builtin`: the claims of the catalogue suite `builtin`), overridden
    /// by each `--claim`.
    func claimSet(builtin: [Workload]) throws -> ClaimSet {
        try ClaimSources.claimSet(texts: claimTexts, source: claimsSource, builtin: builtin)
    }

    /// The claims file `--claims` names, if it names one (not `builtin`).
    var claimsFile: String? { claimsSource == "builtin" ? nil : claimsSource }

    /// How to judge, as the judge takes it.
    func claimOptions() throws -> ClaimOptions {
        ClaimOptions(
            confidence: confidence, method: method, seed: seed, bootstrapReplicates: replicates,
            baselineVariant: baselineVariant, candidateVariant: candidateVariant, workloads: workloads,
            memoryClaim: try parsedMemoryClaim())
    }

    private func parsedMemoryClaim() throws -> ClaimedRange? {
        guard let memoryClaim else { return nil }
        return try ClaimParser.parseMemoryReduction(memoryClaim)
    }

    /// These options as command-line arguments, defaults left out (for a reproducing command).
    var arguments: [String] {
        var arguments: [String] = []
        for claim in claimTexts { arguments += ["--claim", claim] }
        if let claimsSource { arguments += ["--claims", claimsSource] }
        for workload in workloads { arguments += ["--workload", workload] }
        if baselineVariant != "baseline" { arguments += ["--baseline-variant", baselineVariant] }
        if let candidateVariant { arguments += ["--candidate-variant", candidateVariant] }
        if confidence != 0.95 { arguments += ["--confidence", "\(confidence)"] }
        if method != .auto { arguments += ["--method", method.rawValue] }
        if seed != ComparisonOptions.defaultSeed { arguments += ["--seed", "\(seed)"] }
        if replicates != ComparisonOptions.defaultReplicates { arguments += ["--replicates", "\(replicates)"] }
        if let memoryClaim { arguments += ["--memory-claim", memoryClaim] }
        return arguments
    }
}
