import Foundation
import QEPresentation

/// Reports as JSON: ``DocumentJSON``'s canonical bytes (the same document always gives the same
/// bytes, which is what the signature covers), with errors that name the report.
public enum ReportJSON {
    /// The canonical bytes of `document`.
    public static func encode<T: Encodable>(_ document: T) throws(ReportError) -> [UInt8] {
        do {
            return try DocumentJSON.encode(document)
        } catch {
            throw .internalFailure("cannot encode the report as JSON: \(error)")
        }
    }

    /// Decodes `type` from a report's bytes.
    /// - Parameter source: the report's path, for messages.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], source: String) throws(ReportError) -> T {
        do {
            return try DocumentJSON.decoder().decode(type, from: Data(bytes))
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
