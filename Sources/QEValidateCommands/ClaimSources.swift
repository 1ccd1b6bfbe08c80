import QEKernels
import QEValidation

/// The claims of `--claim` and `--claims builtin|FILE`, shared by every command that judges one.
enum ClaimSources {
    /// The claims to judge: those of `source` (`builtin`: the catalogue suite `builtin`'s own;
    /// otherwise a JSON/YAML claims file), overridden by `texts` (`--claim`, repeatable).
    /// - Throws: `ClaimsFile.LoadError`, `ClaimParser.ParseError`.
    static func claimSet(texts: [String], source: String?, builtin: [Workload]) throws -> ClaimSet {
        var claims = ClaimSet()
        switch source {
        case nil:
            break
        case "builtin"?:
            for workload in builtin {
                claims.perWorkload[workload.name] = ClaimedRange(low: workload.claimedSpeedup.low, high: workload.claimedSpeedup.high)
            }
            // The catalogue's claims apply to the workloads the data have; none is required.
            claims.namedByUser = []
        case let path?:
            claims = try ClaimsFile.load(path: path)
        }
        return claims.merging(try ClaimParser.parse(texts))
    }
}
