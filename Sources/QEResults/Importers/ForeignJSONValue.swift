/// Any JSON value of another tool's file, kept as parsed, with where it sits: for members whose
/// type varies (asv's result rows, metadata of strings and numbers), decoded later with
/// ``decode(_:)`` so that errors still name the right key path.
struct ForeignJSONValue: Decodable {
    let value: JSONValue
    let codingPath: [any CodingKey]
    private let document: JSONDocument

    init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? ForeignValueDecoder else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "ForeignJSONValue decodes only through ForeignJSONDecoder"))
        }
        value = decoder.value
        codingPath = decoder.codingPath
        document = decoder.document
    }

    /// The value as a `Model`.
    /// - Throws: the decoding errors ``ForeignJSONDecoder`` turns into messages at this path.
    func decode<Model: Decodable>(_ type: Model.Type) throws -> Model {
        try Model(from: ForeignValueDecoder(value: value, codingPath: codingPath, document: document))
    }

    /// The string, if the value is one (for informative metadata, where another type is simply
    /// not used).
    var string: String? { value.stringValue }

    /// The value as a benchmark parameter : numbers,
    /// strings and booleans as they are, anything else as its compact JSON text.
    func parameter() throws -> ParameterValue {
        switch value {
        case .number: return .number(try decode(Double.self))
        case let .string(string): return .string(string)
        case let .bool(bool): return .bool(bool)
        default: return .string(JSONCompactText.text(of: value))
        }
    }

    /// A refusal of this value, for ``ForeignJSONDecoder`` to report at its path.
    func fail(_ problem: ResultsError.Problem, _ message: String) -> ForeignDataError {
        ForeignDataError(problem, at: codingPath, message)
    }
}
