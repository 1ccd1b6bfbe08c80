/// What the user says about results files being added, in place of what the files and git say
/// (`--commit`, `--branch`, `--time`). Each nil field is taken from the file (commit: its
/// `environment.gitCommit`; time: its `createdAt`) or from git (branch: the branch checked out
/// where the file is).
public struct RecordingOverrides: Hashable, Sendable {
    /// The commit the files measured.
    public var commit: String?
    /// The branch the commit is on.
    public var branch: String?
    /// The commit's time, for ordering the series.
    public var time: HistoryTimestamp?

    /// Creates overrides; nil fields are taken from each file or git.
    public init(commit: String? = nil, branch: String? = nil, time: HistoryTimestamp? = nil) {
        self.commit = commit
        self.branch = branch
        self.time = time
    }
}
