import Foundation

/// The canonical JSON form of reports: UTF-8, keys sorted, two-space indentation, `/` not
/// escaped, numbers in the shortest form that reads back as the same double, a final newline.
/// The same document always gives the same bytes, which is what the signature covers.
/// JSON has no infinity or NaN: they are written as the strings `"Infinity"`, `"-Infinity"`,
/// `"NaN"` (an open-ended claim's upper end is `null`).
public enum ReportJSON {
    /// The canonical bytes of `document`.
    public static func encode<T: Encodable>(_ document: T) throws(ReportError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return Array(try encoder.encode(document)) + [UInt8(ascii: "\n")]
        } catch {
            throw .internalFailure("cannot encode the report as JSON: \(error)")
        }
    }

    /// Decodes `type` from a report's bytes.
    /// - Parameter source: the report's path, for messages.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], source: String) throws(ReportError) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw .malformedReport(path: source, reason: describe(error))
        } catch {
            throw .malformedReport(path: source, reason: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return keys.isEmpty ? "the document" : String(keys.drop { $0 == "." })
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context)
            return "missing \"\(key.stringValue)\"" + (at == "the document" ? "" : " in \(at)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(path(context)): \(context.debugDescription)"
        case let .dataCorrupted(context):
            if let underlying = context.underlyingError { return "malformed JSON: \(underlying.localizedDescription)" }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
