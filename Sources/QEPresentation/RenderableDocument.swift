/// A document that can be written in the ``OutputFormat``s it supports: a judge's verdict, a
/// variance analysis, a baseline summary, a report. JSON is the same for every document
/// (``DocumentJSON``); the other forms are the document's own renderers.
///
/// A new document type conforms in one file, `<Document>+Rendering.swift`, next to its
/// renderers in this target; commands then write it with ``render(_:as:)``.
public protocol RenderableDocument: Encodable {
    /// The formats besides JSON this document has.
    static var formats: [OutputFormat] { get }

    /// The document as `format`, one of ``formats`` (never `.json`).
    func rendered(as format: OutputFormat) -> String
}

/// Why a document could not be rendered.
public enum RenderingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document has no such form (a baseline summary has no CSV).
    case unsupported(OutputFormat, supported: [OutputFormat])
    /// The document could not be encoded as JSON (a value JSON cannot hold).
    case encoding(String)

    public var description: String {
        switch self {
        case let .unsupported(format, supported):
            let names = (supported + [.json]).map(\.rawValue)
            return "no \(format.rawValue) form; choose \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "json")"
        case let .encoding(reason):
            return "cannot encode the document as JSON: \(reason)"
        }
    }
}

/// `document` written as `format`: the one entry point every command and the report use.
/// - Throws: ``RenderingError``.
public func render<Document: RenderableDocument>(_ document: Document, as format: OutputFormat) throws(RenderingError) -> String {
    if format == .json {
        do {
            return try DocumentJSON.string(document)
        } catch {
            throw .encoding("\(error)")
        }
    }
    guard Document.formats.contains(format) else { throw .unsupported(format, supported: Document.formats) }
    return document.rendered(as: format)
}
