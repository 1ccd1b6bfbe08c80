/// A `--name-pattern`: a regular expression with the named groups `name` and `variant`, which
/// turns a tool's benchmark name into qe-validate's (name, variant).
///
/// The expression is searched in the tool's own name for the benchmark (hyperfine's `command`,
/// Google Benchmark's `run_name`, pytest-benchmark's `name`, Criterion's `full_id`, the Go line's
/// name as printed, the CSV `name` column); anchor it with `^` and `$` to match the whole name.
/// Swift `Regex` syntax, named groups written `(?<name>...)`:
///
///     test_sdpa\[(?<name>.+)-(?<variant>baseline|flash)\]   test_sdpa[small-flash] → small (flash)
///     BM_Sum_(?<variant>[A-Za-z]+)/(?<name>\d+)              BM_Sum_Baseline/16384 → 16384 (Baseline)
///
/// Without a `name` group the name is the tool's name with the variant's text cut out
/// (`Benchmark(?<variant>[A-Z]\w*)-\d+` makes `BenchmarkBaseline-2` into `Benchmark-2`), so that
/// the variants of one benchmark pair up. Without a `variant` group the variant comes from
/// `--variant`, else from the tool, else it is `default`.
public struct NamePattern: Hashable, Sendable, CustomStringConvertible {
    /// The expression as given.
    public let pattern: String
    /// Whether the expression has a `(?<name>...)` group.
    public let capturesName: Bool
    /// Whether the expression has a `(?<variant>...)` group.
    public let capturesVariant: Bool

    /// Compiles `pattern`.
    /// - Throws: ``NamePatternError`` when it is not a valid expression, or has neither a
    ///   `name` nor a `variant` group.
    public init(_ pattern: String) throws(NamePatternError) {
        do {
            // Compiled here to check it; ``match(_:)`` compiles its own copy, so that no
            // `Regex` (which is not `Sendable`) is shared between tasks.
            _ = try Regex(pattern)
        } catch {
            throw NamePatternError(pattern: pattern, reason: "not a valid regular expression: \(error)")
        }
        self.pattern = pattern
        capturesName = Self.hasGroup("name", in: pattern)
        capturesVariant = Self.hasGroup("variant", in: pattern)
        guard capturesName || capturesVariant else {
            throw NamePatternError(pattern: pattern, reason: "it has no (?<name>...) or (?<variant>...) group")
        }
    }

    /// The pattern, as given.
    public var description: String { pattern }

    /// What the pattern makes of `toolName`: the text of the `name` and `variant` groups (nil
    /// when the group is absent or did not take part in the match), and the tool's name with
    /// the variant's text removed; nil when the pattern does not occur in `toolName`.
    func match(_ toolName: String) -> (name: String?, variant: String?, nameWithoutVariant: String)? {
        guard let regex = try? Regex(pattern), let match = try? regex.firstMatch(in: toolName) else { return nil }
        let name = capturesName ? match.output["name"]?.substring.map(String.init) : nil
        var withoutVariant = toolName
        var variant: String?
        if capturesVariant, let element = match.output["variant"], let range = element.range {
            variant = String(toolName[range])
            withoutVariant.removeSubrange(range)
        }
        return (name, variant, withoutVariant)
    }

    public static func == (lhs: NamePattern, rhs: NamePattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Whether `pattern` declares the named group `group` in one of the spellings Swift's
    /// `Regex` accepts: `(?<g>`, `(?'g'`, `(?P<g>`.
    private static func hasGroup(_ group: String, in pattern: String) -> Bool {
        ["(?<\(group)>", "(?'\(group)'", "(?P<\(group)>"].contains { pattern.contains($0) }
    }
}
