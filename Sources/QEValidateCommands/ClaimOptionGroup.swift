import ArgumentParser
import QEKernels
import QEValidation

/// The options that say what claim to judge and how, shared by `--claim` (`validate`) and
/// `report`: the claims, the workloads and variants judged, confidence, method, bootstrap, and a
/// memory claim.
struct ClaimOptionGroup: ParsableArguments {
    @Option(help: "The claimed speedup (repeatable; NAME=RANGE for one workload).")
    var claim: [String] = []

    @Option(help: "'builtin' for the catalogue's claims, or a JSON/YAML claims file.")
    var claims: String?

    @Option(help: "Judge only this workload (repeatable).")
    var workload: [String] = []

    @Option(help: "Baseline variant.")
    var baselineVariant: String = "baseline"

    @Option(help: "Candidate variant (default: flash, or the only other variant).")
    var candidateVariant: String?

    @Option(help: "auto, paired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var method: ComparisonMethod = .auto

    @OptionGroup
    var statistics: StatisticsOptionGroup

    @Option(help: "Claimed memory reduction, e.g. 50%-75% (judged on the results' memory figures).")
    var memoryClaim: String?

    func validate() throws {
        guard !claim.isEmpty || claims != nil else {
            throw ValidationError("give the claim to judge, for example --claim 2.49x-7.47x; \(ClaimParser.acceptedForms)")
        }
        do {
            _ = try ClaimParser.parse(claim)
            if let memoryClaim { _ = try ClaimParser.parseMemoryReduction(memoryClaim) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The claims for data of `suite`: `--claims` (`builtin`: the catalogue's claims for
    /// `suite`), overridden by each `--claim` (``ClaimChoice``).
    func claimSet(suite: String) throws -> ClaimSet {
        try ClaimChoice.claims(texts: claim, source: claims, suite: suite, catalogue: BuiltinClaims.catalogue)
    }

    /// The claims file `--claims` names, if it names one (not `builtin`).
    var claimsFile: String? { claims == "builtin" ? nil : claims }

    /// How to judge, as the judge takes it.
    func claimOptions() throws -> ClaimOptions {
        ClaimOptions(
            confidence: statistics.confidence, method: method, seed: statistics.seed, bootstrapReplicates: statistics.replicates,
            baselineVariant: baselineVariant, candidateVariant: candidateVariant, workloads: workload,
            memoryClaim: try parsedMemoryClaim())
    }

    private func parsedMemoryClaim() throws -> ClaimedRange? {
        guard let memoryClaim else { return nil }
        return try ClaimParser.parseMemoryReduction(memoryClaim)
    }
}
