import QEResults
import QEValidation

/// Renders a sweep as CSV: one row per point (`row` = `point`), per scaling fit (`scaling`) and
/// per slice's crossover (`crossover`), in one table; a column a row has no value for is empty.
struct SweepCSVRenderer {
    static let header = [
        "row", "parameters", "variant", "metric", "against", "estimate", "low", "high", "confidence", "method",
        "verdict", "criterion_holds", "class", "compatible_classes", "runs", "unit",
    ]

    func render(_ document: SweepDocument) -> String {
        var rows: [[String]] = []
        let candidate = document.candidateVariant ?? ""
        for point in document.points {
            let runs = point.runs.keys.sorted().map { "\($0)=\(point.runs[$0] ?? 0)" }.joined(separator: ";")
            let speedup = point.speedup
            let interval: [String] = [
                CSVText.optional(speedup?.estimate), CSVText.optional(speedup?.low), CSVText.optional(speedup?.high),
                speedup == nil ? "" : "\(document.intervalConfidence)", speedup?.method.rawValue ?? "",
            ]
            let verdict = point.verdict?.rawValue ?? point.direction?.rawValue ?? ""
            let holds = point.criterionHolds.map { "\($0)" } ?? ""
            let row: [String] = ["point", Self.parameters(point.parameters), candidate, speedup == nil ? "" : "speedup", ""]
            rows.append(row + interval + [verdict, holds, "", "", runs, ""])
        }
        for entry in document.scaling {
            rows.append([
                "scaling", Self.parameters(entry.at), entry.variant, entry.metric.rawValue, entry.parameter,
                "\(entry.exponent.estimate)", CSVText.optional(entry.exponent.low), CSVText.optional(entry.exponent.high),
                "\(entry.confidence)", entry.method?.rawValue ?? "", "", "", entry.complexityClass?.rawValue ?? "",
                entry.compatibleClasses.map(\.rawValue).joined(separator: ";"), "", entry.unit,
            ])
        }
        for slice in document.crossovers {
            let crossover = slice.crossover
            var at = slice.at
            if let crossover, let along = document.along { at[along] = .number(crossover.value) }
            rows.append([
                "crossover", Self.parameters(at), candidate, "speedup", document.along ?? "",
                CSVText.optional(crossover?.speedup.estimate), CSVText.optional(crossover?.speedup.low),
                CSVText.optional(crossover?.speedup.high), "\(document.intervalConfidence)", crossover?.speedup.method.rawValue ?? "",
                crossover == nil ? "nowhere" : (crossover?.fromFirstPoint == true ? "from-first-point" : "found"), "", "", "", "", "",
            ])
        }
        return CSVText.document(header: Self.header, rows: rows)
    }

    /// `dim=64;seqLen=1024`: names in order, `;` between them.
    private static func parameters(_ values: [String: ParameterValue]) -> String {
        values.keys.sorted().map { "\($0)=\(values[$0]?.description ?? "")" }.joined(separator: ";")
    }
}
