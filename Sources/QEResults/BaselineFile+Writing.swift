extension BaselineFile {
    /// Writes the baseline to `path` atomically, after validating it.
    ///
    /// The new text is built in memory and read back (it must parse to this very baseline)
    /// before anything touches the disk; it then goes to a temporary file in the same directory,
    /// which is flushed and renamed over `path`. An existing baseline is therefore replaced only
    /// by a complete, valid new one: on any failure it is left exactly as it was.
    /// - Throws: ``ResultsError``: 65 when the results are invalid, 73 when the file cannot be
    ///   written.
    public func write(to path: String) throws(ResultsError) {
        try results.validate(source: path)
        let bytes = jsonBytes()
        let readBack = try BaselineFile(jsonBytes: bytes, source: path)
        guard readBack == self else {
            throw ResultsError(file: path, problem: .cannotWrite, detail: "internal error: the baseline does not read back as written; nothing was written")
        }
        try LocalFile.writeAtomically(bytes, to: path)
    }

    /// The baseline's JSON text: the results file's text with the `"baseline"` member after
    /// `"schema"`. Not validated; call ``ResultsFile/validate(source:)`` first.
    public func jsonBytes() -> [UInt8] {
        var bytes = ResultsFileEncoder.encode(results)
        guard let provenance else { return bytes }
        // The encoder writes "{\n" and then the schema line; the provenance goes right after it.
        var newlines = 0
        var insertion = bytes.endIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            newlines += 1
            if newlines == 2 {
                insertion = index + 1
                break
            }
        }
        bytes.insert(contentsOf: Self.member(provenance), at: insertion)
        return bytes
    }

    private static func member(_ provenance: BaselineProvenance) -> [UInt8] {
        var out: [UInt8] = Array("  \"baseline\": {\n".utf8)
        let fields: [(String, String?)] = [
            ("schema", BaselineProvenance.schema), ("recordedAt", provenance.recordedAt),
            ("signedOffBy", provenance.signedOffBy), ("gitCommit", provenance.gitCommit),
            ("source", provenance.source), ("command", provenance.command),
        ]
        let present = fields.compactMap { key, value in value.map { (key, $0) } }
        for (index, (key, value)) in present.enumerated() {
            out.append(contentsOf: Array("    ".utf8))
            JSONStringEscaper.append(key, to: &out)
            out.append(contentsOf: Array(": ".utf8))
            JSONStringEscaper.append(value, to: &out)
            out.append(contentsOf: Array((index == present.count - 1 ? "\n" : ",\n").utf8))
        }
        out.append(contentsOf: Array("  },\n".utf8))
        return out
    }
}
