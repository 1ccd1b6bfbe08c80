import Foundation

extension ResultsFile {
    /// Reads and validates the results file at `path`.
    ///
    /// The file must be strict JSON (RFC 8259) in the `qe-validate/results@1` format and pass
    /// ``validate(source:)``. Nothing is dropped or repaired: the first problem is thrown, with a
    /// message that starts with `path` and says where (line and column, key path, or benchmark,
    /// run and sample) and what:
    ///
    ///     r.json: no such file                                                      (exit 66)
    ///     r.json: malformed JSON at line 7, column 3: expected ',' or ']' ...       (exit 65)
    ///     r.json: unknown unit "sec"; accepted units: ns, us, ms, s                 (exit 65)
    ///     r.json: benchmark test-similarity (flash), run 2, sample 7: non-finite sample NaN
    ///
    /// The bare tokens `NaN` and `Infinity` that some tools write (and which are not JSON) are
    /// reported as non-finite numbers where they are; so are literals beyond the range of a
    /// double such as `1e400`, which `strtod` turns into infinity. `1e308` is an ordinary number.
    ///
    /// - Throws: ``ResultsError``; see its ``ResultsError/exitCode``.
    /// - Complexity: O(n) in the size of the file; about 0.1 s for 2 million samples in a release
    ///   build.
    public static func read(from path: String) throws(ResultsError) -> ResultsFile {
        let bytes = try LocalFile.readBytes(at: path)
        return try ResultsFile(jsonBytes: bytes, source: path)
    }

    /// Parses and validates a results file held in memory, such as one read from a git revision.
    /// - Parameters:
    ///   - jsonBytes: the file's content (UTF-8 JSON).
    ///   - source: the name that starts every error message, usually the file's path.
    /// - Throws: ``ResultsError`` with exit code 65.
    public init(jsonBytes: [UInt8], source: String) throws(ResultsError) {
        self = try jsonBytes.withUnsafeBufferPointer { buffer throws(ResultsError) in
            try Self.parse(buffer, source: source)
        }
    }

    /// Parses and validates a results file held in memory; see ``init(jsonBytes:source:)``.
    public init(jsonData: Data, source: String) throws(ResultsError) {
        // Data.withUnsafeBytes rethrows untyped errors, so the result travels as a Result.
        let result = jsonData.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<ResultsFile, ResultsError> in
            Result { () throws(ResultsError) in try Self.parse(raw.bindMemory(to: UInt8.self), source: source) }
        }
        self = try result.get()
    }

    /// Parses and validates a results file held in memory, converting numbers as
    /// `numberConversion` says: for `scripts/bench/results-reader.sh`, which measures what the
    /// default conversion gains.
    package init(jsonBytes: [UInt8], source: String, numberConversion: JSONNumberConversion) throws(ResultsError) {
        self = try jsonBytes.withUnsafeBufferPointer { buffer throws(ResultsError) in
            try Self.parse(buffer, source: source, numberConversion: numberConversion)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String,
                              numberConversion: JSONNumberConversion = .decimalFastPath) throws(ResultsError) -> ResultsFile {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(bytes, numberConversion: numberConversion)
        } catch {
            throw ResultsError(file: source, problem: .malformedJSON, detail: "malformed JSON at \(error)")
        }
        return try decode(document, source: source)
    }

    /// Decodes and validates a parsed results file (``ResultsInput`` parses once, then decides
    /// the format).
    static func decode(_ document: JSONDocument, source: String) throws(ResultsError) -> ResultsFile {
        let results = try ResultsFileDecoder(source: source, document: document).decode()
        try results.validate(source: source, literal: document.nonFiniteLiteral(at:))
        // A non-finite number that survived decoding sits under a key the format ignores. It is
        // still not JSON, so it is not let through.
        if let stray = document.nonFiniteNumbers.first {
            throw ResultsError(file: source, problem: .nonFinite,
                               detail: "\(stray.path): non-finite number \(NonFiniteDescription.describe(literal: stray.literal))")
        }
        return results
    }
}
