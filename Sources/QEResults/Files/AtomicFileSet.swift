import Foundation

/// Several files that must change together — a report's `NAME.md`, `NAME.json`, `NAME.html` and
/// `NAME.json.sig` — switched all at once, with a journal that makes the switch complete even
/// when the process is killed in the middle.
///
/// A set is written in three phases:
/// 1. Every new file is staged as a complete, flushed temporary file beside its target (as
///    ``AtomicFileWriter`` does). A kill here leaves the old set untouched; the temporary files
///    are removed by the next write (their process is dead).
/// 2. The journal — a small file beside the set naming each target and the temporary file that
///    replaces it (or that the target goes away) — is written atomically. This is the moment
///    the new set is decided.
/// 3. The temporary files are renamed over their targets, the removed files unlinked, and the
///    journal removed.
///
/// A kill during phase 3 leaves some targets new and some old, and the journal. Readers ask
/// ``readablePath(of:journal:)`` for each file, which answers with the temporary file while its
/// rename is pending, so a reader always sees one whole set, old or new; the next write of the
/// set (``complete(journal:paths:)``) finishes the renames first. Members that are not regular
/// files (a device, a FIFO) are written through after the switch and are not part of it.
public enum AtomicFileSet {
    /// One file of the set.
    public struct Member: Sendable {
        /// The path as the caller names it (a link is followed to the file it points to).
        public var path: String
        /// The new content; nil: the file is removed (a signature that no longer applies).
        public var bytes: [UInt8]?
        /// Permission bits of a new file, set exactly; nil: `0666` less the umask. An existing
        /// file keeps its own.
        public var mode: mode_t?

        public init(path: String, bytes: [UInt8]?, mode: mode_t? = nil) {
            self.path = path
            self.bytes = bytes
            self.mode = mode
        }
    }

    /// The journal's content: who is switching, and each target with its replacement.
    struct Journal: Codable, Equatable {
        static let schema = "qe-validate/file-set-journal@1"
        var schema = Journal.schema
        /// The process that wrote the journal.
        var writer: Int32
        var entries: [Entry]

        struct Entry: Codable, Equatable {
            /// The member's path as named by the caller, absolute.
            var path: String
            /// The regular file the path resolves to, absolute.
            var target: String
            /// The staged replacement; nil when the target is removed.
            var temporary: String?
        }
    }

    /// Writes the set; see the type's description.
    /// - Parameter journal: the journal's path, in the members' directory (e.g. `DIR/.NAME.pending`).
    /// - Throws: ``FileWriteError`` (exit 73). Before the switch is decided, every target is
    ///   left as it was.
    public static func write(_ members: [Member], journal: String) throws(FileWriteError) {
        try write(members, journal: journal, stoppingAfter: nil)
    }

    /// The number of steps ``write(_:journal:)`` takes for a set with `staged` files to stage and
    /// `removed` files to remove: one per staged file, the journal, one per rename or removal,
    /// and the journal's removal.
    static func stepCount(staged: Int, removed: Int) -> Int { staged + 1 + staged + removed + 1 }

    /// ``write(_:journal:)``, stopping without any tidying after `stoppingAfter` steps, as if
    /// the process had been killed there (for tests); `processID` names the temporary files and
    /// the journal's writer.
    static func write(_ members: [Member], journal: String, stoppingAfter limit: Int?, processID: pid_t = getpid()) throws(FileWriteError) {
        let journalPath = absolute(journal)
        try complete(journal: journalPath, paths: members.map(\.path))
        var steps = 0
        func stop() -> Bool {
            steps += 1
            return limit.map { steps >= $0 } ?? false
        }
        if limit == 0 { return }

        // Phase 1: stage.
        var staged: [(member: Member, file: AtomicFileWriter.StagedFile)] = []
        var removed: [Journal.Entry] = []
        var writtenThrough: [Member] = []
        func discardStaged() { for entry in staged { entry.file.discard() } }
        for member in members {
            let target: OutputTarget
            do {
                target = try OutputTarget.resolve(member.path)
            } catch {
                discardStaged()
                throw error
            }
            switch target {
            case .descriptor, .writeThrough:
                if member.bytes != nil { writtenThrough.append(member) }
            case let .file(path, existing):
                guard let bytes = member.bytes else {
                    if existing != nil {
                        removed.append(.init(path: absolute(member.path), target: absolute(path), temporary: nil))
                    }
                    continue
                }
                do {
                    staged.append((member, try AtomicFileWriter.stage(
                        bytes, target: path, path: member.path, mode: member.mode, existing: existing, processID: processID)))
                } catch {
                    discardStaged()
                    throw error
                }
                if stop() { return }
            }
        }

        // Phase 2: decide.
        let record = Journal(
            writer: processID,
            entries: staged.map { .init(path: absolute($0.member.path), target: absolute($0.file.target), temporary: absolute($0.file.temporary)) }
                + removed)
        do {
            try AtomicFileWriter.write(Array(try JSONEncoder().encode(record)), to: journalPath, mode: 0o600, existing: .refuse)
        } catch let error as FileWriteError {
            discardStaged()
            throw error
        } catch {
            discardStaged()
            throw FileWriteError(path: journal, reason: .failed("cannot encode the journal: \(error)"))
        }
        // From here the staged files are the set: a signal must not remove them.
        for entry in staged { TemporaryFiles.shared.unregister(entry.file.temporary) }
        if stop() { return }

        // Phase 3: switch.
        for entry in record.entries {
            try apply(entry, journal: journal)
            if stop() { return }
        }
        try finish(journal: journalPath, entries: record.entries)
        if stop() { return }
        for member in writtenThrough {
            if let bytes = member.bytes { try AtomicFileWriter.write(bytes, to: member.path) }
        }
    }

    /// Finishes a switch that a killed process left half done: when `journal` exists, renames
    /// the staged files still waiting, removes what the journal removes, and removes the journal.
    /// - Parameter paths: the set's members; a journal naming any other file is refused.
    /// - Throws: ``FileWriteError`` when the journal is another user's, names other files, or
    ///   belongs to a process that is still running (another write of the same set).
    public static func complete(journal: String, paths: [String]) throws(FileWriteError) {
        guard let record = try readJournal(journal, paths: paths) else { return }
        if record.writer != getpid(), kill(record.writer, 0) == 0 || errno == EPERM {
            throw FileWriteError(path: journal, reason: .failed("another process (\(record.writer)) is writing these files now; try again when it has finished"))
        }
        for entry in record.entries { try apply(entry, journal: journal) }
        try finish(journal: absolute(journal), entries: record.entries)
    }

    /// The file that holds `path`'s content in the newest complete set: the staged temporary
    /// file while a decided switch is pending, otherwise `path` itself; nil when the pending
    /// switch removes the file. Never changes anything on disk.
    public static func readablePath(of path: String, journal: String) -> String? {
        guard let record = try? readJournal(journal, paths: nil),
            let entry = record.entries.first(where: { $0.path == absolute(path) })
        else { return path }
        guard let temporary = entry.temporary else { return nil }
        var status = stat()
        return lstat(temporary, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? temporary : path
    }

    // MARK: - Steps

    private static func apply(_ entry: Journal.Entry, journal: String) throws(FileWriteError) {
        if let temporary = entry.temporary {
            var status = stat()
            guard lstat(temporary, &status) == 0 else { return }  // renamed before the kill
            guard rename(temporary, entry.target) == 0 else {
                throw FileWriteError(path: entry.path, reason: .failed(
                    "cannot put the file in place: \(SystemErrorText.describe(errno)); \(journal) records the unfinished switch, which the next write completes"))
            }
        } else if unlink(entry.target) != 0 && errno != ENOENT {
            throw FileWriteError(path: entry.path, reason: .failed("cannot remove the old file: \(SystemErrorText.describe(errno))"))
        }
    }

    private static func finish(journal: String, entries: [Journal.Entry]) throws(FileWriteError) {
        for directory in Set(entries.map { PathText.directory(of: $0.target) }) {
            try AtomicFileWriter.flushDirectory(of: directory + "/.", path: directory)
        }
        unlink(journal)
        try AtomicFileWriter.flushDirectory(of: journal, path: journal)
    }

    /// The journal at `path`, checked: written by this user, in this format, naming only
    /// `paths` (when given) and only temporary files of the writer's own naming beside their
    /// targets. nil when there is none.
    private static func readJournal(_ path: String, paths: [String]?) throws(FileWriteError) -> Journal? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        func refuse(_ why: String) -> FileWriteError {
            FileWriteError(path: path, reason: .failed("\(why); remove it if no qe-validate is running"))
        }
        guard status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
            throw refuse("a pending switch journal that is not a file of this user")
        }
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(Journal.self, from: data), record.schema == Journal.schema
        else { throw refuse("not a readable switch journal") }
        let allowed = paths.map { Set($0.map(absolute)) }
        for entry in record.entries {
            if let allowed, !allowed.contains(entry.path) {
                throw refuse("the journal names \(entry.path), which is not part of this set")
            }
            if let temporary = entry.temporary {
                let name = PathText.lastComponent(of: entry.target)
                guard PathText.directory(of: temporary) == PathText.directory(of: entry.target),
                    PathText.lastComponent(of: temporary).hasPrefix(TemporaryFiles.prefix(for: name))
                else { throw refuse("the journal names \(temporary), which is not a temporary file of \(entry.target)") }
            }
        }
        return record
    }

    /// `path` made absolute (against the current directory) and free of `.` and `..`.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
