import ArgumentParser
import Foundation
import QEHistory
import QEPresentation
import QEResults
import QEValidation

/// `qe-validate history report --out DIR`: the trend pages, a static site.
public struct HistoryReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the trend pages: a static site with every series, its levels and its change points.",
        discussion: """
            DIR/index.html lists every series with its latest level against the previous one \
            and a small trend line; DIR/series-N.html shows one series: every run of every \
            commit as a point, the level between change points with its interval, and the \
            change points (those of 'history detect' with the same options), marked and linked \
            to their commits with --commit-url. The pages are self-contained: inline SVG and \
            CSS, no script, nothing loaded from anywhere; open DIR/index.html in a browser, or \
            publish DIR as it is.

            Examples:
              qe-validate history report --out trends
              qe-validate history report --out site --branch main --commit-url 'https://github.com/OWNER/REPO/commit/{sha}'

            Exit codes: 0 written; 64 usage; 65 bad data; 66 the store missing or unreadable, \
            or no series matches; 73 a page not writable.
            """
    )

    @Option(help: ArgumentHelp("The directory to write the pages to (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("A commit's web page, with {sha} where the commit goes.", valueName: "url"))
    var commitURL: String?

    @OptionGroup(title: "Series")
    var series: SeriesFilterOptionGroup

    @OptionGroup(title: "Change points")
    var detection: ChangeOptionGroup

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    public init() {}

    public func validate() throws {
        if let commitURL {
            guard commitURL.contains(TrendSite.commitPlaceholder) else {
                throw ValidationError("--commit-url must contain \(TrendSite.commitPlaceholder) where the commit goes")
            }
            guard commitURL.hasPrefix("https://") || commitURL.hasPrefix("http://") else {
                throw ValidationError("--commit-url must be an http:// or https:// URL")
            }
        }
        if out.isEmpty { throw ValidationError("--out must not be empty") }
    }

    public func run() async throws {
        do {
            let judged = try await HistoryDetectCommand.judge(series: series, store: store, options: detection.options)
            let site = TrendSite(document: judged.document, commitURL: commitURL, generatedAt: Date())
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: out, reason: "cannot create the directory: \((error as NSError).localizedDescription)")
            }
            // The pages change together: a reader never sees an index that names pages of
            // another run; series pages of an earlier run beyond this one's are removed.
            let directory = out as NSString
            let pages = site.pages()
            let names = Set(pages.map(\.fileName))
            let stale = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [])
                .filter { $0.hasPrefix("series-") && $0.hasSuffix(".html") && !names.contains($0) }
            try AtomicFileSet.write(
                pages.map { AtomicFileSet.Member(path: directory.appendingPathComponent($0.fileName), bytes: Array($0.html.utf8)) }
                    + stale.sorted().map { AtomicFileSet.Member(path: directory.appendingPathComponent($0), bytes: nil) },
                journal: directory.appendingPathComponent(".trend-pages.pending"))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
