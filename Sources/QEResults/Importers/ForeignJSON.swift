/// Parsing another tool's JSON file with the project's strict parser, for the importers (which
/// then decode it with ``ForeignJSONDecoder``).
enum ForeignJSON {
    /// Parses `bytes` as strict JSON (see ``JSONParser``).
    /// - Throws: ``ResultsError`` `.malformedJSON`, with line and column (a truncated file ends
    ///   up here).
    static func parse(_ bytes: [UInt8], source: String) throws(ResultsError) -> JSONDocument {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ResultsError(file: source, problem: .malformedJSON, detail: "malformed JSON at \(error)")
        }
    }
}
