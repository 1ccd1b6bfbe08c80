import Foundation
import QEHistory

/// The one-line messages of the history commands that change the store (`add`, `import`,
/// `forget`): what each did, naming files, commits and the store (its password hidden).
enum HistoryStatusLine {
    /// What adding one file did.
    static func outcome(_ outcome: HistoryAddOutcome) -> String {
        switch outcome {
        case let .added(file):
            return "recorded \(file.source ?? "a file"): \(describe(file))"
        case let .alreadyRecorded(file, source):
            let earlier = file.source.map { " from \($0)" } ?? ""
            return "already recorded \(source) (the same content was recorded\(earlier) for commit \(file.commit.prefix(12)) on \(file.branch)): nothing changed"
        }
    }

    /// What `add` and `import` did: a line per file, then the totals.
    static func added(_ outcomes: [HistoryAddOutcome], store: StoreLocation) -> [String] {
        let added = outcomes.filter { if case .added = $0 { return true } else { return false } }.count
        let duplicates = outcomes.count - added
        return outcomes.map(outcome) + ["\(count(added, "file")) recorded, \(duplicates) already recorded, in \(store)"]
    }

    /// Writes `lines` to standard output.
    static func print(_ lines: [String]) {
        FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// What `forget` removed.
    static func forgotten(_ report: ForgetReport, store: StoreLocation) -> [String] {
        guard !report.files.isEmpty else { return ["nothing to forget in \(store): no recorded file matches"] }
        var lines = report.files.map { "forgot \($0.source ?? "a file"): \(describe($0))" }
        lines.append("forgot \(count(report.files.count, "file")), \(count(report.runs, "run")), \(count(report.samples, "sample")); "
            + "\(count(report.series, "series", plural: "series")) and \(count(report.machines, "machine")) left empty were removed, from \(store)")
        return lines
    }

    /// `commit 3f2a9c1b7d4e on main at TIME, suite S, machine M: B benchmarks, R runs, N samples`.
    static func describe(_ file: RecordedFile) -> String {
        "commit \(file.commit.prefix(12)) on \(file.branch) at \(file.time), suite \(file.suite), machine \(file.machine): "
            + "\(count(file.benchmarks, "benchmark")), \(count(file.runs, "run")), \(count(file.samples, "sample"))"
    }

    /// `1 file`, `2 files`.
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
