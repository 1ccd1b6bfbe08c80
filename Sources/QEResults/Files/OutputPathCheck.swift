import Foundation

/// Refuses a command line whose output would overwrite one of its inputs
/// (`gate --baseline a.json b.json -o a.json`), or that names one file as two outputs, before
/// anything is read or written.
///
/// Files are compared by what they are, not by how they are named: two paths are the same file
/// when `stat` (links followed) gives the same device and inode, so `./a.json`, a symbolic link
/// to it and a hard link are all caught. An output that does not exist yet cannot be an input;
/// two such outputs are the same when their directories are the same directory and their names
/// are equal. Outputs that are not regular files (`/dev/null`, a FIFO, a terminal) never
/// conflict; `-` and `/dev/stdout` are the file standard output is redirected to, if it is one.
public enum OutputPathCheck {
    /// Two paths of a command name the same file. A usage error (exit 64).
    public struct Conflict: Error, Sendable, Equatable, CustomStringConvertible {
        public var output: String
        /// The input (or the other output) it coincides with.
        public var other: String
        /// Whether `other` is an output too.
        public var otherIsOutput: Bool

        public var description: String {
            otherIsOutput
                ? "\(output): named as two outputs (also as \(other)); give each output its own path"
                : "\(output): the output is also an input (\(other)); writing it would destroy the input, so nothing was read or written — choose another output path"
        }
    }

    /// Checks that no output is an input or another output.
    /// - Parameters:
    ///   - outputs: output paths (nil entries, for options not given, are skipped).
    ///   - inputs: input file paths (nil entries skipped; paths that do not exist are ignored:
    ///     reading them will say so).
    public static func check(outputs: [String?], inputs: [String?]) throws(Conflict) {
        let inputIdentities = inputs.compactMap { $0 }.compactMap { path in FileIdentity(existing: path).map { (path, $0) } }
        var seenOutputs: [(String, FileIdentity)] = []
        for output in outputs.compactMap({ $0 }) {
            guard let identity = FileIdentity(output: output) else { continue }
            if let input = inputIdentities.first(where: { $0.1 == identity }) {
                throw Conflict(output: output, other: input.0, otherIsOutput: false)
            }
            if let earlier = seenOutputs.first(where: { $0.1 == identity }) {
                throw Conflict(output: output, other: earlier.0, otherIsOutput: true)
            }
            seenOutputs.append((output, identity))
        }
    }
}

/// What makes a file the same file: its device and inode, or, for a file that does not exist
/// yet, its directory's device and inode and its name.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    /// The name in the directory, for a file that does not exist yet.
    var name: String?

    /// The identity of an existing regular file (links followed); nil otherwise.
    init?(existing path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), name: nil)
    }

    private init(device: UInt64, inode: UInt64, name: String?) {
        self.device = device
        self.inode = inode
        self.name = name
    }

    /// The identity of what writing `path` would replace: the regular file it names (links
    /// followed) or that the descriptor it names is open on, or the name it would be created
    /// under; nil for devices, FIFOs and paths that cannot be examined.
    init?(output path: String) {
        guard let target = try? OutputTarget.resolve(path) else { return nil }
        switch target {
        case let .descriptor(descriptor):
            // `-o /dev/stdout` while standard output is appended to an input file.
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), name: nil)
        case .writeThrough:
            return nil
        case let .file(resolved, existing):
            if existing != nil {
                self.init(existing: resolved)
                return
            }
            var status = stat()
            guard stat(PathText.directory(of: resolved), &status) == 0 else { return nil }
            self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), name: PathText.lastComponent(of: resolved))
        }
    }
}
