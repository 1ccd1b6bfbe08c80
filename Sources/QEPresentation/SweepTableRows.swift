import QEFormats
import QEResults
import QEStatistics
import QEValidation

/// The content of a sweep's tables and sentences, shared by the text and Markdown renderers:
/// one row per point, one row per scaling fit, the crossovers in words, the notes.
enum SweepTableRows {
    /// Header of the points table: the parameters, then the comparison.
    static func pointsHeader(_ document: SweepDocument) -> [String] {
        var header = document.parameters.map(\.name)
        if document.candidateVariant != nil {
            header += ["speedup", "\(PercentText.percent(document.intervalConfidence)) interval", "method"]
            header.append(document.claim == nil ? "\(document.candidateVariant ?? "") is" : "claim")
        }
        header.append("runs")
        return header
    }

    /// One row per point: its parameter values, speedup, interval, verdict and runs.
    static func pointRows(_ document: SweepDocument) -> [[String]] {
        document.points.map { point in
            var row = document.parameters.map { point.parameters[$0.name]?.description ?? "" }
            if document.candidateVariant != nil {
                if let speedup = point.speedup {
                    row += [
                        RatioText.ratio(speedup.estimate), RatioText.interval(speedup.low, speedup.high),
                        MethodLegend.abbreviation(speedup.method),
                    ]
                } else {
                    row += ["–", "–", "–"]
                }
                row.append(point.verdict.map { $0.rawValue.uppercased() } ?? point.direction?.rawValue ?? "–")
            }
            row.append(runs(point, document: document))
            return row
        }
    }

    private static func runs(_ point: SweepPointResult, document: SweepDocument) -> String {
        let variants = [document.baselineVariant] + (document.candidateVariant.map { [$0] } ?? [])
        return variants.map { point.runs[$0].map(String.init) ?? "0" }.joined(separator: "+")
    }

    /// Header of the scaling table.
    static let scalingHeader = ["variant", "cost", "against", "at", "exponent k", "interval", "log-log slope", "class", "compatible"]

    /// One row per fit: cost ≈ a + b·nᵏ.
    static func scalingRows(_ document: SweepDocument) -> [[String]] {
        document.scaling.map { entry in
            [
                entry.variant, metricName(entry.metric), entry.parameter,
                entry.at.isEmpty ? "–" : SweepGrid.describe(entry.at),
                NumberText.fixed(entry.exponent.estimate, decimals: 2) + (entry.exponentAtBound ? " (bound)" : ""),
                interval(entry.exponent), NumberText.fixed(entry.logLogSlope.estimate, decimals: 2),
                entry.complexityClass?.rawValue ?? "none",
                entry.compatibleClasses.isEmpty ? "none" : entry.compatibleClasses.map(\.rawValue).joined(separator: ", "),
            ]
        }
    }

    static func metricName(_ metric: ScalingEntry.Metric) -> String {
        switch metric {
        case .time: return "time"
        case .workingSetBytes: return "working set"
        case .peakAllocatedBytes: return "peak allocated"
        }
    }

    private static func interval(_ estimate: ScalingFit.Estimate) -> String {
        guard let low = estimate.low, let high = estimate.high else { return "–" }
        return "[\(NumberText.fixed(low, decimals: 2)), \(NumberText.fixed(high, decimals: 2))]"
    }

    /// What the crossover looks for, in words.
    static func criterion(_ document: SweepDocument) -> String {
        let candidate = document.candidateVariant ?? "the candidate"
        if let claim = document.claim { return "the claim \(claim) holds for \(candidate)" }
        return "\(candidate) is faster than \(document.baselineVariant)"
    }

    /// The crossover in sentences: the overall one, then each slice's when there are several.
    static func crossoverLines(_ document: SweepDocument) -> [String] {
        guard let along = document.along, document.candidateVariant != nil else { return [] }
        var lines: [String] = []
        if let crossover = document.crossover {
            lines.append("Crossover along \(along): \(criterion(document)) from \(along) = \(value(crossover.value)) on, at every larger measured value\(document.crossovers.count > 1 ? " in every slice" : "") — \(describe(crossover)).")
        } else {
            lines.append("Crossover along \(along): nowhere in the measured range — \(criterion(document)) at no value from which it also holds at every larger measured value\(document.crossovers.count > 1 ? " in every slice" : "").")
        }
        if document.crossovers.count > 1 {
            for slice in document.crossovers {
                let at = SweepGrid.describe(slice.at)
                if let crossover = slice.crossover {
                    lines.append("At \(at): from \(along) = \(value(crossover.value)) — \(describe(crossover)).")
                } else {
                    lines.append("At \(at): nowhere in the measured range.")
                }
            }
        }
        return lines
    }

    private static func describe(_ crossover: Crossover) -> String {
        var text = "\(RatioText.ratio(crossover.speedup.estimate)) \(RatioText.interval(crossover.speedup.low, crossover.speedup.high))"
        if !crossover.at.isEmpty { text += " at \(SweepGrid.describe(crossover.at))" }
        if let previous = crossover.previous {
            text += "; at \(value(previous.value)) it does not (\(RatioText.ratio(previous.speedup.estimate)) \(RatioText.interval(previous.speedup.low, previous.speedup.high)))"
        } else {
            text += "; that is the smallest value measured, so the crossover may lie below it"
        }
        return text
    }

    private static func value(_ number: Double) -> String {
        ParameterValue.number(number).description
    }

    /// The legend and the document's warnings.
    static func notes(_ document: SweepDocument) -> [String] {
        var notes: [String] = []
        if document.candidateVariant != nil {
            var legend = "speedup = \(document.baselineVariant) time ÷ \(document.candidateVariant ?? "") time."
            if document.intervalConfidence < document.confidence {
                legend += " Intervals are \(PercentText.percent(document.intervalConfidence)) each (Bonferroni over \(document.crossovers.count) slices) for \(PercentText.percent(document.confidence)) together."
            }
            notes.append(legend)
            notes += MethodLegend.lines(
                methods: Set(document.points.compactMap(\.speedup?.method)), replicates: document.replicates, seed: document.seed)
        }
        if !document.scaling.isEmpty {
            let methods = Set(document.scaling.compactMap(\.method))
            var fit = "Fits: cost ≈ a + b·nᵏ by relative least squares; the exponent's \(PercentText.percent(document.confidence)) interval"
            if methods.contains(.runBootstrap) {
                fit += " from a bootstrap over runs (seed \(document.seed))"
            }
            if methods.contains(.residualT) {
                fit += methods.contains(.runBootstrap) ? ", or the least-squares t interval for one figure per size" : " is the least-squares t interval"
            }
            fit += ". A class is compatible when its model with lower-order terms (n²: a + c·n + b·n²) fits as well as a + b·nᵏ, its leading coefficient is positive at the same confidence, and k's interval comes within 0.1 of the exponents its growth can show (n: 1; n log n: 1 to 1 + 1/ln n at the smallest size; n²: 1 to 2; n³: 1 to 3; for 1, the log-log slope's interval, of 0, and 1 needs no model comparison when k's interval also reaches 0: no growth is established); the lowest is named, or none."
            notes.append(fit)
        }
        return notes + document.warnings + document.points.flatMap { point in
            point.warnings.map { "\(SweepGrid.describe(point.parameters)): \($0)" }
        }
    }
}
