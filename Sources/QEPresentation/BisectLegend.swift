import QEFormats
import QEResults
import QEValidation

/// The words the bisection's renderers share: the conclusion, the premise, the error bound and
/// what was measured. Plain sentences, escaped by the renderer that writes them.
enum BisectLegend {
    /// Hashes are shown as their first 12 hexadecimal digits, as `git log --abbrev=12` would.
    static func short(_ commit: String) -> String {
        String(commit.prefix(12))
    }

    /// The commit with its subject: `1a2b3c4d5e6f “Faster parser”`.
    static func named(_ commit: BisectCommit) -> String {
        "\(short(commit.commit)) “\(commit.subject)”"
    }

    /// What the bisection concluded, in one sentence.
    static func conclusion(_ document: BisectDocument) -> String {
        let range = "the first bad commit is one of the \(ProseText.count(rangeCount(document), "commit")) after \(short(document.range.from)) up to \(short(document.range.to))"
        switch document.conclusion {
        case .named:
            guard let firstBad = document.firstBad else { return range }
            return "\(named(firstBad)) is the first bad commit: it is slower than \(short(document.range.from)) before it by more than half the way from good to bad"
        case .premiseNotConfirmed:
            return premiseRefusal(document) + "; nothing was bisected"
        case .untestableCommits:
            return "\(range): the commits left between them could not be built, measured or placed"
        case .budgetSpent:
            return "the time budget ran out; \(range)"
        case .decisionsSpent:
            return "the \(document.decisions) decisions the error bound is shared among were spent on undecided commits; \(range)"
        }
    }

    /// Why the premise was not confirmed.
    static func premiseRefusal(_ document: BisectDocument) -> String {
        let limit = PercentText.setting(document.threshold)
        if document.premise.ratio.high <= 1 + document.threshold {
            return "bad is not slower than good by more than \(limit): bad ÷ good is \(ratio(document.premise.ratio))"
        }
        return "bad could not be shown slower than good by more than \(limit) in \(ProseText.count(document.premise.runs, "round")): bad ÷ good is \(ratio(document.premise.ratio))"
    }

    /// The premise, in one sentence.
    static func premise(_ document: BisectDocument) -> String {
        let limit = PercentText.setting(document.threshold)
        let rounds = ProseText.count(document.premise.runs, "round")
        if document.premise.confirmed {
            return "bad ÷ good is \(ratio(document.premise.ratio)) over \(rounds): slower by more than \(limit), confirmed"
        }
        if document.premise.runs == 0 { return "not measured" }
        return premiseRefusal(document)
    }

    /// `1.098x [1.081x, 1.114x]`.
    static func ratio(_ ratio: BisectRatio) -> String {
        "\(RatioText.ratio(ratio.estimate)) \(RatioText.interval(ratio.low, ratio.high))"
    }

    /// What the error bound guarantees, and how it is shared.
    static func errorBound(_ document: BisectDocument) -> String {
        let looks = ProseText.list(document.looks.map(String.init))
        let extended = ProseText.list(document.extendedLooks.map(String.init))
        return "The chance that the premise or any commit was judged on the wrong side is at most \(PercentText.percent(document.errorBound)) "
            + "(Bonferroni over \(document.decisions) decisions, \(document.decisionsUsed) taken, each looking at \(looks) rounds, "
            + "or, extending one still open at the run limit with its rounds kept, at \(extended): "
            + "every interval is \(PercentText.percent(document.intervalConfidence)) two-sided)"
    }

    /// How the columns are read, and how a commit is classified (``BisectJudge``).
    static let columns = "ratio = the commit's time ÷ good's time, from rounds that measure it interleaved with good and bad; "
        + "midpoint = √(bad ÷ good) in the same rounds. A commit is good when its time is confidently below the midpoint "
        + "(the signed-rank interval of log commit − (log good + log bad)/2, round by round, lies below 0), bad when above, "
        + "undecided when neither within the run limit; skip: it could not be built or measured"

    /// What was built and measured; `quote` writes a command or a benchmark's name as the
    /// format shows code (the rest of the sentence needs no escaping).
    static func setup(_ setup: BisectSetup, quote: (String) -> String) -> String {
        var parts: [String] = []
        switch setup.kind {
        case .command:
            let clock = setup.clock == .cpu ? "CPU time" : "wall time"
            parts.append("\(quote(setup.command)) timed as a whole process (\(clock))")
        case .bench:
            let benchmark = setup.benchmark.map { "the benchmark \(quote($0))" } ?? "the one benchmark"
            parts.append("\(benchmark) of the results file \(quote(setup.command)) writes")
        }
        parts.append(setup.repeats == 1 ? "one invocation per build per round" : "the fastest of \(setup.repeats) invocations per build per round")
        parts.append(setup.build.map { "built with \(quote($0))" } ?? "no build command")
        return parts.joined(separator: ", ")
    }

    /// The wall time of the whole bisection.
    static func seconds(_ value: Double) -> String {
        DurationText(reference: value, sourceUnit: .seconds).format(value)
    }

    /// How many commits could be the first bad one at the end.
    static func rangeCount(_ document: BisectDocument) -> Int {
        position(of: document.range.to, in: document) - position(of: document.range.from, in: document)
    }

    /// 0 for good, n for bad, a tested commit's own position.
    private static func position(of commit: String, in document: BisectDocument) -> Int {
        if commit == document.good.commit { return 0 }
        if commit == document.bad.commit { return document.candidates }
        return document.steps.first { $0.commit == commit }?.position ?? 0
    }
}
