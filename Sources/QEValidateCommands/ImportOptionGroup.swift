import ArgumentParser
import QEResults

/// The options with which a judging command reads its inputs: `--input-format`,
/// `--name-pattern`, `--variant`, `--input-unit`. Every judging command takes them, so that
/// another tool's file can be judged directly (`qe-validate compare bench.json` on a
/// pytest-benchmark file).
///
/// Use it with ``ResultsInput``:
///
/// ```swift
/// @OptionGroup var input: ImportOptionGroup
///
/// let options = try input.importOptions()          // ValidationError (exit 64) on a bad pattern
/// let results = try ResultsInput.load(path: path, options: options)   // ResultsError → 65/66
/// warnings += ResultsInput.warnings(for: results, path: path)          // batch means, if any
/// ```
///
/// The options apply to every input file of the command; a qe-validate results file keeps its
/// own names and variants whatever they say.
public struct ImportOptionGroup: ParsableArguments, Sendable {
    @Option(name: .customLong("input-format"),
            help: "Format of the input files; auto detects it from the content. What each format's samples are: 'qe-validate import --help'.")
    public var inputFormat: ImportFormat = .auto

    @Option(help: ArgumentHelp(
        "Regular expression with named groups (?<name>…) and/or (?<variant>…), searched in each benchmark name of another tool's file.",
        valueName: "regex"))
    public var namePattern: String?

    @Option(help: ArgumentHelp("Variant of every benchmark of another tool's input files (each keeps the tool's full name).",
                               valueName: "label"))
    public var variant: String?

    @Option(name: .customLong("input-unit"), help: "CSV inputs without a unit column: the unit of the values (ns, us, ms or s).")
    public var inputUnit: TimeUnit?

    public init() {}

    public func validate() throws {
        _ = try importOptions()
    }

    /// The options as ``ResultsInput`` takes them.
    /// - Throws: `ValidationError` (a usage error, exit 64) when `--name-pattern` is not a
    ///   valid expression with a `name` or `variant` group, when `--variant` is empty, or when
    ///   both the pattern and `--variant` would set the variant.
    public func importOptions(suite: String? = nil) throws -> ImportOptions {
        try Self.makeOptions(format: inputFormat, namePattern: namePattern, variant: variant, suite: suite, unit: inputUnit)
    }

    /// Checks and assembles import options; shared with `import`, which names the same things
    /// differently (`FORMAT`, `--unit`).
    static func makeOptions(format: ImportFormat, namePattern: String?, variant: String?, suite: String?,
                            unit: TimeUnit?) throws -> ImportOptions {
        var pattern: NamePattern?
        if let namePattern {
            do {
                pattern = try NamePattern(namePattern)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if let variant, variant.isEmpty {
            throw ValidationError("--variant must not be empty")
        }
        if variant != nil, pattern?.capturesVariant == true {
            throw ValidationError("--variant and the (?<variant>…) group of --name-pattern both set the variant; give one of them")
        }
        if let suite, suite.isEmpty {
            throw ValidationError("--suite must not be empty")
        }
        return ImportOptions(format: format, namePattern: pattern, variant: variant, suite: suite, unit: unit)
    }
}
