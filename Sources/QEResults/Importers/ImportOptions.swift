/// How ``ResultsInput`` reads a file: its format, and how the benchmarks of another tool's file
/// get their (name, variant).
///
/// The options that name benchmarks (``namePattern``, ``variant``) apply to other tools' files
/// only: a qe-validate results file keeps its own names and variants.
public struct ImportOptions: Hashable, Sendable {
    /// The variant given to benchmarks that no pattern, option or tool record gives one.
    public static let defaultVariant = "default"

    /// The file's format; ``ImportFormat/auto`` (the default) detects it from the content.
    public var format: ImportFormat
    /// A regular expression with named groups `name` and/or `variant`, searched in each tool
    /// benchmark's own name (see ``NamePattern``). Nil: each format's default naming.
    public var namePattern: NamePattern?
    /// The variant of every benchmark in the file (for example `main` for one file and
    /// `branch` for another). Each benchmark then keeps the tool's full name as its name.
    public var variant: String?
    /// The suite of the results; nil keeps the file's (results files) or uses the format's
    /// name (`hyperfine`, `go-bench`, ...).
    public var suite: String?
    /// CSV only: the unit of the values when the file has no `unit` column.
    public var unit: TimeUnit?

    /// Creates options; the defaults read any supported file with each format's own naming.
    public init(
        format: ImportFormat = .auto, namePattern: NamePattern? = nil, variant: String? = nil,
        suite: String? = nil, unit: TimeUnit? = nil
    ) {
        self.format = format
        self.namePattern = namePattern
        self.variant = variant
        self.suite = suite
        self.unit = unit
    }
}
