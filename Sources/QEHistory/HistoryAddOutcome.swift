/// What adding one results file did.
public enum HistoryAddOutcome: Hashable, Sendable {
    /// The file was recorded.
    case added(RecordedFile)
    /// A file with the same content was already recorded, so nothing changed; the value is the
    /// file as recorded before (its commit, time and branch may differ from this add's).
    case alreadyRecorded(RecordedFile, source: String)

    /// The file concerned.
    public var file: RecordedFile {
        switch self {
        case let .added(file), let .alreadyRecorded(file, _): return file
        }
    }
}
