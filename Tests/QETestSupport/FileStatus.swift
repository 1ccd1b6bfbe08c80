import Foundation

/// What `lstat` and `stat` say about a path, for tests of how files are written.
public enum FileStatus {
    /// The kind of the path itself (`S_IFREG`, `S_IFLNK`, `S_IFCHR`, `S_IFIFO`, …), links not
    /// followed; 0 when nothing is there.
    public static func kind(_ path: String) -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return status.st_mode & S_IFMT
    }

    /// The permission bits of what the path names, links followed; 0 when nothing is there.
    public static func permissions(_ path: String) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return status.st_mode & 0o7777
    }
}
