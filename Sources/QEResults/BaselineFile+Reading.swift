extension BaselineFile {
    /// Reads and validates the baseline (or plain results file) at `path`.
    ///
    /// Everything ``ResultsFile/read(from:)`` checks is checked; in addition a `"baseline"`
    /// member, when present, must be an object with schema `qe-validate/baseline@1` and a
    /// `recordedAt` string. A truncated or corrupted file is refused, never repaired.
    /// - Throws: ``ResultsError``: exit 66 when the file is missing or unreadable, 65 otherwise.
    public static func read(from path: String) throws(ResultsError) -> BaselineFile {
        try BaselineFile(jsonBytes: LocalFile.readBytes(at: path), source: path)
    }

    /// Parses and validates a baseline held in memory, such as the output of `git show REV:PATH`.
    /// - Parameter source: the name that starts every error message.
    /// - Throws: ``ResultsError`` with exit code 65.
    public init(jsonBytes: [UInt8], source: String) throws(ResultsError) {
        // The results reader validates everything and gives the precise messages; the text is
        // then parsed once more for the one member it ignores (baselines are small).
        let results = try ResultsFile(jsonBytes: jsonBytes, source: source)
        let document: JSONDocument
        do {
            document = try JSONParser.parse(jsonBytes)
        } catch {
            throw ResultsError(file: source, problem: .malformedJSON, detail: "malformed JSON at \(error)")
        }
        guard case let .object(top) = document.root else {
            throw ResultsError(file: source, problem: .wrongType, detail: "expected a JSON object at the top level")
        }
        self.init(results: results, provenance: try Self.provenance(top["baseline"], source: source))
    }

    private static func provenance(_ value: JSONValue?, source: String) throws(ResultsError) -> BaselineProvenance? {
        guard let value, value != .null else { return nil }
        func fail(_ problem: ResultsError.Problem, _ detail: String) -> ResultsError {
            ResultsError(file: source, problem: problem, detail: "baseline" + detail)
        }
        guard case let .object(object) = value else {
            throw fail(.wrongType, ": expected an object (the baseline's provenance), found \(value.typeDescription)")
        }
        let expected = JSONStringEscaper.quoted(BaselineProvenance.schema)
        guard case let .string(schema)? = object["schema"] else {
            throw fail(.wrongSchema, ".schema: missing or not a string; expected \(expected)")
        }
        guard schema == BaselineProvenance.schema else {
            throw fail(.wrongSchema, ".schema: unsupported schema \(JSONStringEscaper.quoted(schema)), expected \(expected)")
        }
        func string(_ key: String) throws(ResultsError) -> String? {
            guard let member = object[key], member != .null else { return nil }
            guard case let .string(text) = member else {
                throw fail(.wrongType, ".\(key): expected a string, found \(member.typeDescription)")
            }
            return text
        }
        guard let recordedAt = try string("recordedAt"), !recordedAt.isEmpty else {
            throw fail(.missingKey, ": missing \"recordedAt\" (when the baseline was recorded)")
        }
        return BaselineProvenance(
            recordedAt: recordedAt, signedOffBy: try string("signedOffBy"), gitCommit: try string("gitCommit"),
            source: try string("source"), command: try string("command"))
    }
}
