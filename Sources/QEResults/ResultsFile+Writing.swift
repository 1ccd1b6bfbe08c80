extension ResultsFile {
    /// Writes the file to `path` atomically, after validating it.
    ///
    /// The JSON goes to a temporary file in the same directory, which is flushed and then
    /// renamed over `path`, so a reader never sees a half-written file; on failure the temporary
    /// file is removed. The output reads back with ``read(from:)`` as a value equal to `self`:
    /// doubles are written in the shortest form that round-trips.
    ///
    /// - Throws: ``ResultsError`` with exit code 65 when the data is invalid (see
    ///   ``validate(source:)``; nothing is written), 73 when the file cannot be written.
    public func write(to path: String) throws(ResultsError) {
        try validate(source: path)
        try LocalFile.writeAtomically(jsonBytes(), to: path)
    }

    /// The file's JSON text (UTF-8), as ``write(to:)`` writes it: two-space indentation, one line
    /// per run, parameters sorted by key.
    ///
    /// The data is not validated; a non-finite sample would be written as `nan` or `inf`, which
    /// no reader accepts. Call ``validate(source:)`` first.
    public func jsonBytes() -> [UInt8] {
        ResultsFileEncoder.encode(self)
    }
}
