import QEResults

/// Says how two measurement environments differ in ways that make a comparison suspect.
enum EnvironmentDifference {
    static func describe(_ a: EnvironmentInfo, _ b: EnvironmentInfo) -> [String] {
        var differences: [String] = []
        let fields: [(String, String?, String?)] = [
            ("CPU", a.cpu, b.cpu), ("host", a.host, b.host), ("toolchain", a.toolchain, b.toolchain),
            ("build", a.build, b.build),
        ]
        for (label, first, second) in fields {
            if let first, let second, first != second {
                differences.append("the two files were measured with different \(label)s ('\(first)' and '\(second)'): differences may come from the environment, not the code")
            }
        }
        return differences
    }
}
