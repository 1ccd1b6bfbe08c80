/// Decodes a `Decodable` model of another tool's JSON file from the document ``JSONParser``
/// made, so that every error is one line naming the file, the key path and the problem.
///
/// The bytes are parsed first by the project's strict parser, which reports syntax errors and
/// truncation with line and column, and reads the bare `NaN`/`Infinity` tokens that Python's
/// `json` module writes (Foundation's `JSONDecoder` rejects them as a syntax error somewhere in
/// the file). The model is then decoded from the parsed tree: a missing key, a value of the
/// wrong type, a non-finite number or a value a model refuses (``ForeignDataError``) becomes a
/// ``ResultsError`` whose message starts with the key path built from the `codingPath`:
///
///     run.json: benchmarks[0].runs[2].values[1]: expected a number, found a string
///     run.json: benchmarks[0]: missing "runs" (pyperf JSON)
///     run.json: benchmarks[0].runs[2].values[1]: non-finite number NaN
///
/// A member that is `null` counts as absent for optional properties. Keys the model does not
/// name are ignored.
struct ForeignJSONDecoder {
    /// The file's path, which starts every message.
    let source: String
    /// The format as messages name it: `pyperf JSON`, `asv results`, ...
    let formatName: String
    let document: JSONDocument

    /// The model at the root of the document.
    /// - Throws: ``ResultsError`` (exit 65).
    func decode<Model: Decodable>(_ type: Model.Type) throws(ResultsError) -> Model {
        try decode(type, from: document.root, at: [])
    }

    /// The model in `value`, which sits at `codingPath`.
    func decode<Model: Decodable>(_ type: Model.Type, from value: JSONValue, at codingPath: [any CodingKey]) throws(ResultsError) -> Model {
        do {
            return try Model(from: ForeignValueDecoder(value: value, codingPath: codingPath, document: document))
        } catch {
            throw resultsError(for: error)
        }
    }

    /// The ``ResultsError`` for an error thrown while decoding.
    func resultsError(for error: any Error) -> ResultsError {
        func located(_ codingPath: [any CodingKey], _ message: String) -> String {
            codingPath.isEmpty ? message : "\(Self.path(of: codingPath)): \(message)"
        }
        switch error {
        case let error as ResultsError:
            return error
        case let error as ForeignDataError:
            return ResultsError(file: source, problem: error.problem, detail: located(error.codingPath, error.message))
        case let DecodingError.keyNotFound(key, context):
            return ResultsError(file: source, problem: .missingKey,
                                detail: located(context.codingPath, "missing \(JSONStringEscaper.quoted(key.stringValue)) (\(formatName))"))
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return ResultsError(file: source, problem: .wrongType, detail: located(context.codingPath, context.debugDescription))
        case let DecodingError.dataCorrupted(context):
            return ResultsError(file: source, problem: .invalidValue, detail: located(context.codingPath, context.debugDescription))
        default:
            return ResultsError(file: source, problem: .invalidValue, detail: "\(error)")
        }
    }

    /// `benchmarks[0].runs[2]` for a coding path.
    static func path(of codingPath: [any CodingKey]) -> JSONPath {
        JSONPath(components: codingPath.map { key in
            if let index = key as? ArrayIndexKey { return .index(index.index) }
            return .key(key.stringValue)
        })
    }
}
