/// A `--name-pattern`: a regular expression with the named groups `name` and `variant`, which
/// turns a tool's benchmark name into qe-validate's (name, variant).
///
/// The expression is searched in the tool's own name for the benchmark (hyperfine's `command`,
/// Google Benchmark's `run_name`, pytest-benchmark's `name`, Criterion's `full_id`, the Go line's
/// name as printed, the CSV `name` column, ...); anchor it with `^` and `$` to match the whole
/// name. The syntax is the common one (Swift `Regex`, PCRE, Python), named groups written
/// `(?<name>...)`:
///
///     test_sdpa\[(?<name>.+)-(?<variant>baseline|flash)\]   test_sdpa[small-flash] → small (flash)
///     BM_Sum_(?<variant>[A-Za-z]+)/(?<name>\d+)              BM_Sum_Baseline/16384 → 16384 (Baseline)
///
/// Without a `name` group the name is the tool's name with the variant's text cut out
/// (`Benchmark(?<variant>[A-Z]\w*)-\d+` makes `BenchmarkBaseline-2` into `Benchmark-2`), so that
/// the variants of one benchmark pair up. Without a `variant` group the variant comes from
/// `--variant`, else from the tool, else it is `default`.
///
/// Matching takes time linear in the length of the name whatever the pattern
/// (``NamePatternProgram``): a pattern that would make a backtracking engine run for minutes,
/// such as `(a+)+$` or `(x|x)*y`, matches in microseconds here. The constructs that need
/// backtracking (backreferences, lookaround, possessive quantifiers) are refused (see
/// ``NamePatternParser``). Characters are Unicode scalars.
///
/// The pattern is compiled once, in ``init(_:)``.
public struct NamePattern: Hashable, Sendable, CustomStringConvertible {
    /// The expression as given.
    public let pattern: String
    /// Whether the expression has a `(?<name>...)` group.
    public let capturesName: Bool
    /// Whether the expression has a `(?<variant>...)` group.
    public let capturesVariant: Bool
    private let program: NamePatternProgram

    /// Compiles `pattern`.
    /// - Throws: ``NamePatternError`` when it is not a valid expression, uses a construct the
    ///   linear-time matcher does not support, or has neither a `name` nor a `variant` group.
    public init(_ pattern: String) throws(NamePatternError) {
        let parsed: (syntax: NamePatternSyntax, captures: Set<NamePatternCapture>)
        do {
            parsed = try NamePatternParser.parse(pattern)
        } catch {
            throw NamePatternError(pattern: pattern, reason: "not a valid regular expression: \(error.reason)")
        }
        do {
            program = try NamePatternProgram(parsed.syntax)
        } catch {
            throw NamePatternError(pattern: pattern, reason: "too large: its counted repetitions expand beyond \(NamePatternProgram.maximumLength) instructions")
        }
        self.pattern = pattern
        capturesName = parsed.captures.contains(.name)
        capturesVariant = parsed.captures.contains(.variant)
        guard capturesName || capturesVariant else {
            throw NamePatternError(pattern: pattern, reason: "it has no (?<name>...) or (?<variant>...) group")
        }
    }

    /// The pattern, as given.
    public var description: String { pattern }

    /// What the pattern makes of `toolName`: the text of the `name` and `variant` groups (nil
    /// when the group is absent or did not take part in the match), and the tool's name with
    /// the variant's text removed; nil when the pattern does not occur in `toolName`.
    /// - Complexity: O(n·m) for a name of n characters and a pattern compiled to m
    ///   instructions.
    func match(_ toolName: String) -> (name: String?, variant: String?, nameWithoutVariant: String)? {
        let scalars = Array(toolName.unicodeScalars)
        guard let slots = program.firstMatch(in: scalars) else { return nil }
        func text(_ capture: NamePatternCapture) -> (Int, Int)? {
            let start = slots[2 * capture.rawValue]
            let end = slots[2 * capture.rawValue + 1]
            return start >= 0 && end >= start ? (start, end) : nil
        }
        let name = text(.name).map { String(String.UnicodeScalarView(scalars[$0.0..<$0.1])) }
        var variant: String?
        var withoutVariant = toolName
        if let (start, end) = text(.variant) {
            variant = String(String.UnicodeScalarView(scalars[start..<end]))
            var remaining = String.UnicodeScalarView(scalars[..<start])
            remaining.append(contentsOf: scalars[end...])
            withoutVariant = String(remaining)
        }
        return (name, variant, withoutVariant)
    }

    public static func == (lhs: NamePattern, rhs: NamePattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
