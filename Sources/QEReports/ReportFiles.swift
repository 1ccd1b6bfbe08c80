import Foundation
import QEPresentation
import QEResults

/// The files of a report — `NAME.md`, `NAME.json`, `NAME.html` and, when signed,
/// `NAME.json.sig` — rendered in memory and switched together with ``AtomicFileSet``: a reader
/// (``ReportVerifier``) sees the old set or the new one, never a mix, even when `report` is killed
/// while writing; the journal `.NAME.report-pending` records a switch in progress.
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

    /// The journal of a switch of the files for `name` in `directory` (present only while one is
    /// in progress, or after one was interrupted).
    public static func journalPath(directory: String, name: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + "." + name + ".report-pending"
    }

    /// The journal that belongs to the report at `path` (`DIR/NAME.json`); nil for a path that
    /// does not end in `.json`.
    public static func journalPath(forReport path: String) -> String? {
        guard path.hasSuffix(".json") else { return nil }
        let url = URL(fileURLWithPath: path)
        return journalPath(directory: url.deletingLastPathComponent().path, name: String(url.lastPathComponent.dropLast(5)))
    }

    /// Writes the files as `NAME.*` in `directory`, all at once; returns the paths written. An
    /// unsigned report removes a `NAME.json.sig` left from an earlier report, which could not
    /// match. An earlier switch that was interrupted is completed first.
    @discardableResult
    public func write(directory: String, name: String) throws(ReportError) -> [String] {
        let members = members(directory: directory, name: name)
        do {
            try AtomicFileSet.write(members, journal: Self.journalPath(directory: directory, name: name))
        } catch {
            throw ReportError(error)
        }
        return members.filter { $0.bytes != nil }.map(\.path)
    }

    /// The set ``write(directory:name:)`` switches to: the signature's member has no bytes
    /// (the file is removed) when the report is unsigned.
    func members(directory: String, name: String) -> [AtomicFileSet.Member] {
        let paths = Self.paths(directory: directory, name: name)
        return [
            AtomicFileSet.Member(path: paths.markdown, bytes: Array(markdown.utf8), mode: 0o644),
            AtomicFileSet.Member(path: paths.json, bytes: json, mode: 0o644),
            AtomicFileSet.Member(path: paths.html, bytes: Array(html.utf8), mode: 0o644),
            AtomicFileSet.Member(path: paths.signature, bytes: signature, mode: 0o644),
        ]
    }
}

extension ReportError {
    /// The report error for a file that could not be written (exit 73).
    init(_ error: FileWriteError) {
        if case .exists = error.reason {
            self = .exists(path: error.path, what: "a file")
        } else {
            self = .cannotWrite(path: error.path, reason: error.explanation)
        }
    }
}
