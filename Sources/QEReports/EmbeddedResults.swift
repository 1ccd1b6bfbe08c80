/// A results file embedded in a report, byte for byte, with its SHA-256.
///
/// Another tool's file (pytest-benchmark, hyperfine, ...) is embedded as the qe-validate results
/// file it converts to (what `qe-validate import` writes), with ``convertedFrom`` naming the
/// tool: the digest is then the converted file's, not the original's.
///
/// `content` is the file exactly as it was read (it must be UTF-8, as JSON is), so its digest is
/// the one `sha256sum` prints for the original file, and
/// `jq -j '.rawData[0].content' NAME.json | sha256sum` prints it again from the report.
public struct EmbeddedResults: Sendable, Codable, Equatable {
    /// What the file is to the report.
    public var role: Role

    /// What an embedded file is to the report.
    public enum Role: String, Sendable, Codable {
        /// Results judged by the report.
        case results
        /// The baseline the gate section judges the results against (see ``GateSection``).
        case baseline
    }
    /// The path the file was read from, as given on the command line.
    public var path: String
    /// SHA-256 of `content`'s UTF-8 bytes, lowercase hex.
    public var sha256: String
    /// Size of `content` in bytes.
    public var bytes: Int
    /// The file's text.
    public var content: String
    /// The format of the original file when `content` is its conversion (`pytest-benchmark`,
    /// `hyperfine`, ...); nil (absent) when `content` is the file as it was read.
    public var convertedFrom: String?

    /// Embeds `content`, read from `path`.
    public init(role: Role = .results, path: String, content: String, convertedFrom: String? = nil) {
        self.role = role
        self.convertedFrom = convertedFrom
        self.path = path
        self.content = content
        let utf8 = Array(content.utf8)
        self.sha256 = ReportDigest.sha256(utf8)
        self.bytes = utf8.count
    }

    /// Embeds the bytes of the file at `path`, which must be UTF-8.
    public init(role: Role = .results, path: String, bytes: [UInt8], convertedFrom: String? = nil) throws(ReportError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidInput(path: path, reason: "not UTF-8 text, so it cannot be a results file or be embedded in a report")
        }
        self.init(role: role, path: path, content: text, convertedFrom: convertedFrom)
    }

    /// The path, with the role when it is not `results` and the original format when converted.
    public var label: String {
        var notes: [String] = []
        if role != .results { notes.append(role.rawValue) }
        if let convertedFrom { notes.append("converted from \(convertedFrom)") }
        return notes.isEmpty ? path : "\(path) (\(notes.joined(separator: ", ")))"
    }
}
