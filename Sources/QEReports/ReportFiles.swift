import Foundation
import QEPresentation

/// The files of a report — `NAME.md`, `NAME.json`, `NAME.html` and, when signed,
/// `NAME.json.sig` — rendered in memory and written together, atomically (see
/// ``ReportFileWriter``): after a failure none of them has changed.
public struct ReportFiles: Sendable {
    /// The canonical JSON bytes, which the signature covers.
    public var json: [UInt8]
    public var markdown: String
    public var html: String
    /// The raw 64-byte Ed25519 signature of `json`; nil when unsigned.
    public var signature: [UInt8]?

    /// Renders `report`, and signs its JSON with `key` when one is given. The key must be the
    /// one whose public half the report's request names.
    public init(_ report: Report, signingKey key: ReportSigningKey?) throws(ReportError) {
        if let key, report.document.request.signingKey != key.publicKey.pemRepresentation {
            throw .internalFailure("the report names another signing key than the one it is signed with")
        }
        json = try ReportJSON.encode(report.document)
        markdown = report.rendered(as: .markdown)
        html = report.rendered(as: .html)
        signature = try key?.signature(for: json)
    }

    /// The paths of the files for `name` in `directory`.
    public static func paths(directory: String, name: String) -> (markdown: String, json: String, html: String, signature: String) {
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + name
        return (base + ".md", base + ".json", base + ".html", base + ".json.sig")
    }

    /// Writes the files as `NAME.*` in `directory`; returns the paths written. An unsigned
    /// report removes a `NAME.json.sig` left from an earlier report, which could not match.
    @discardableResult
    public func write(directory: String, name: String) throws(ReportError) -> [String] {
        let paths = Self.paths(directory: directory, name: name)
        var outputs = [
            ReportFileWriter.Output(path: paths.markdown, bytes: Array(markdown.utf8)),
            ReportFileWriter.Output(path: paths.json, bytes: json),
            ReportFileWriter.Output(path: paths.html, bytes: Array(html.utf8)),
        ]
        if let signature { outputs.append(.init(path: paths.signature, bytes: signature)) }
        try ReportFileWriter.write(outputs)
        if signature == nil { unlink(paths.signature) }
        return outputs.map(\.path)
    }
}
