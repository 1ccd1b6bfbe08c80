import Foundation

/// The JSON form of every document (verdicts, variance analyses, summaries, reports): UTF-8,
/// keys sorted, two-space indentation, `/` not escaped, numbers in the shortest form that reads
/// back as the same double, a final newline — so the same document always gives the same
/// bytes (a report's signature covers them). Dates are ISO 8601 UTC times. JSON has no infinity or NaN: they are written as
/// the strings `"Infinity"`, `"-Infinity"` and `"NaN"`.
public enum DocumentJSON {
    /// The bytes of `document`.
    /// - Throws: `EncodingError` when a value cannot be encoded (a document never has one).
    public static func encode<Document: Encodable>(_ document: Document) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Array(try encoder.encode(document)) + [UInt8(ascii: "\n")]
    }

    /// The text of `document`, as ``encode(_:)``.
    public static func string<Document: Encodable>(_ document: Document) throws -> String {
        String(decoding: try encode(document), as: UTF8.self)
    }

    /// A decoder for what ``encode(_:)`` writes (infinities as strings).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
