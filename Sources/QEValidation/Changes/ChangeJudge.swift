import Foundation
import QEStatistics

/// Finds the change points of history series (DESIGN §8) with `ChangePointDetection`: per-run
/// robust levels, commit-to-commit noise, outlying commits filtered, binary segmentation with a
/// search-adjusted scan, every change's ratio with an interval. Series are judged concurrently;
/// the result is the same for any number of cores (the method is deterministic).
public struct ChangeJudge: Sendable {
    public var options: ChangeOptions

    /// - Throws: ``ChangeError/invalidOption(_:)`` for a `maxP` outside (0, 1], a negative or
    ///   non-finite `minChange`, or a confidence outside (0, 1).
    public init(options: ChangeOptions = ChangeOptions()) throws(ChangeError) {
        guard options.maxP > 0, options.maxP <= 1 else {
            throw .invalidOption("--max-p must be in (0, 1], got \(options.maxP)")
        }
        guard options.minChange >= 0, options.minChange.isFinite else {
            throw .invalidOption("--min-change must be a non-negative percentage, got \(options.minChange)")
        }
        guard options.confidence > 0, options.confidence < 1 else {
            throw .invalidOption("the confidence must be strictly between 0 and 1, got \(options.confidence)")
        }
        self.options = options
    }

    /// The change points of every series, in the order given.
    /// - Parameter store: the store's location, password already redacted, for the document.
    /// - Throws: ``ChangeError/invalidSeries(series:reason:)`` for the first series (in order)
    ///   whose samples cannot be used.
    public func judge(_ series: [ChangeSeries], store: String? = nil) throws(ChangeError) -> ChangeDocument {
        let outcomes = series.concurrentMap { series -> Result<ChangeDocument.Series, ChangeError> in
            do throws(ChangeError) {
                return .success(try detect(series))
            } catch {
                return .failure(error)
            }
        }
        var judged: [ChangeDocument.Series] = []
        judged.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case let .success(series): judged.append(series)
            case let .failure(error): throw error
            }
        }
        return ChangeDocument(store: store, maxP: options.maxP, minChange: options.minChange, series: judged)
    }

    /// The change points of one series.
    /// - Throws: ``ChangeError/invalidSeries(series:reason:)``.
    public func detect(_ series: ChangeSeries) throws(ChangeError) -> ChangeDocument.Series {
        let detection: ChangePointDetection
        var levels: [CommitLevel] = []
        do {
            levels.reserveCapacity(series.points.count)
            for point in series.points {
                if let medians = point.runMedians {
                    levels.append(try CommitLevel(medians: medians, what: "commit \(point.commit)"))
                } else {
                    levels.append(try CommitLevel(runs: point.runs, what: "commit \(point.commit)"))
                }
            }
            detection = try ChangePointDetection(
                levels: levels,
                options: .init(maxP: options.maxP, minimumRelativeChange: options.minChange, confidence: options.confidence))
        } catch {
            throw .invalidSeries(series: series.label, reason: error.description)
        }
        let changePoints = detection.changePoints.map { found in
            let point = series.points[found.index]
            return ChangeDocument.ChangePoint(
                commit: point.commit, previousCommit: series.points[found.index - 1].commit,
                index: found.index, time: point.time,
                direction: found.logRatio > 0 ? .regression : .improvement,
                change: .init(estimate: found.ratio, low: found.low, high: found.high, confidence: options.confidence),
                p: found.pValue)
        }
        let replaced = detection.replaced
        let points = series.points.indices.map { index in
            ChangeDocument.Point(
                commit: series.points[index].commit, time: series.points[index].time,
                level: exp(levels[index].level), runs: levels[index].runLevels.map { exp($0) },
                outlying: replaced[index])
        }
        let segments = detection.segments.map { segment in
            ChangeDocument.Segment(
                start: segment.start, end: segment.end - 1,
                firstCommit: series.points[segment.start].commit, lastCommit: series.points[segment.end - 1].commit,
                level: .init(estimate: segment.level, low: segment.low, high: segment.high, confidence: options.confidence))
        }
        return ChangeDocument.Series(
            suite: series.suite, name: series.name, variant: series.variant, machine: series.machine,
            branch: series.branch, unit: series.unit, points: points, changePoints: changePoints, segments: segments)
    }
}
