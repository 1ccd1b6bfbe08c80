/// Which claims a judgement judges: `--claims builtin` (the claims of the built-in suite the
/// data belong to), `--claims FILE` (a JSON or YAML claims file), and each `--claim`, which
/// overrides them. Shared by `--claim` and `report`, so both choose the same claims.
public enum ClaimChoice {
    /// The claimed speedups of the built-in suites: suite → workload → claimed range (the
    /// kernels' catalogue, given by the caller, since judges do not depend on the kernels).
    public typealias Catalogue = [String: [String: ClaimedRange]]

    /// `--claims builtin` for a suite the catalogue does not have. A usage error.
    public struct UnknownSuite: Error, Sendable, Equatable, CustomStringConvertible {
        public var suite: String
        public var known: [String]

        public init(suite: String, known: [String]) {
            self.suite = suite
            self.known = known
        }

        public var description: String {
            "--claims builtin: no built-in claims for suite '\(suite)' (built-in suites: \(known.joined(separator: ", "))); give --claim or a claims file"
        }
    }

    /// The claims to judge on data of `suite`: those of `source` (`builtin`: the catalogue's
    /// claims for `suite`; otherwise a claims file's path), overridden by `texts` (`--claim`,
    /// repeatable). The catalogue's claims apply to the workloads the data have; none of them is
    /// required, whereas a workload the user names must be in the data.
    /// - Throws: ``UnknownSuite``, `ClaimsFile.LoadError`, `ClaimParser.ParseError`.
    public static func claims(texts: [String], source: String?, suite: String, catalogue: Catalogue) throws -> ClaimSet {
        var claims = ClaimSet()
        switch source {
        case nil:
            break
        case "builtin"?:
            guard let builtin = catalogue[suite] else {
                throw UnknownSuite(suite: suite, known: catalogue.keys.sorted())
            }
            claims = ClaimSet(perWorkload: builtin, namedByUser: [])
        case let path?:
            claims = try ClaimsFile.load(path: path)
        }
        return claims.merging(try ClaimParser.parse(texts))
    }
}
