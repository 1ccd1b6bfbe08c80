/// Reads plain CSV timings: a header row, then one sample per row.
///
/// Columns (by header, in any order, case-insensitive; other columns are ignored):
/// - `name` (required): the benchmark;
/// - `value` (required): the time, a plain decimal number; a header `value_ms` or `value (ms)`
///   gives the unit of the whole column;
/// - `variant` (optional): the variant; without the column, `--variant` or `default`;
/// - `run` (optional): which run the row belongs to; rows of one (name, variant) with the same
///   run label form one run, runs in numeric order when every label is a whole number,
///   otherwise in order of first appearance; without the column, all rows are one run;
/// - `unit` (optional): `ns`, `us`, `ms` or `s` per row; without it, the unit option is needed.
///
/// A file without a header row is read when its first line is data in the order
/// `name,variant,run,value[,unit]` (a number in the fourth field tells it from a header).
///
/// **One sample** is one row's value, taken to be **one iteration**; values in other units than
/// the first row's are converted to it.
enum CSVImporter {
    /// Whether the first line of `table` is data in the order name, variant, run, value[, unit]
    /// rather than a header.
    static func isHeaderless(_ table: CSVTable) -> Bool {
        (4...5).contains(table.header.count) && table.column("name") == nil
            && valueColumn(table) == nil && DecimalText.number(table.header[3]) != nil
    }

    /// The value column and the unit its header gives (`value_ms`, `value (ms)`), if any.
    private static func valueColumn(_ table: CSVTable) -> (index: Int, unit: TimeUnit?)? {
        for (index, column) in table.header.enumerated() {
            let lowered = column.lowercased()
            if lowered == "value" { return (index, nil) }
            for unit in TimeUnit.allCases where lowered == "value_\(unit)" || lowered == "value (\(unit))" {
                return (index, unit)
            }
        }
        return nil
    }

    static func read(_ table: CSVTable, source: String, unit optionUnit: TimeUnit?) throws(ResultsError) -> ImportedResults {
        if isHeaderless(table) {
            var positional = table
            positional.header = ["name", "variant", "run", "value", "unit"].prefix(table.header.count).map { $0 }
            positional.rows = [table.firstRow] + table.rows
            return try read(positional, source: source, unit: optionUnit)
        }
        func missing(_ column: String, _ why: String) -> ResultsError {
            ResultsError(file: source, problem: .missingKey,
                         detail: "no \(JSONStringEscaper.quoted(column)) column in the header (\(table.header.joined(separator: ","))); \(why)")
        }
        var seen: Set<String> = []
        for column in table.header {
            guard seen.insert(column.lowercased()).inserted else {
                throw ResultsError(file: source, problem: .malformedText, detail: "line 1: the header names column \(JSONStringEscaper.quoted(column)) twice")
            }
        }
        guard let nameColumn = table.column("name") else {
            throw missing("name", "CSV timings need the columns name, value and optionally variant, run, unit")
        }
        guard let (valueColumn, headerUnit) = valueColumn(table) else {
            throw missing("value", "CSV timings need the columns name, value and optionally variant, run, unit")
        }
        let variantColumn = table.column("variant")
        let runColumn = table.column("run")
        let unitColumn = table.column("unit")
        if let headerUnit, let optionUnit, headerUnit != optionUnit {
            throw ResultsError(file: source, problem: .invalidValue,
                               detail: "the header says the values are in \(headerUnit) but --unit says \(optionUnit)")
        }
        let optionUnit = optionUnit ?? headerUnit
        if unitColumn == nil && optionUnit == nil {
            throw missing("unit", "give the unit of the values with --unit (ns, us, ms or s), or add a unit column")
        }
        guard !table.rows.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no samples: the file has only its header")
        }

        struct Key: Hashable { var name: String; var variant: String? }
        var order: [Key] = []
        var samplesByRun: [Key: [(run: String, samples: [Double])]] = [:]
        var fileUnit: TimeUnit?
        for row in table.rows {
            func fail(_ problem: ResultsError.Problem, _ message: String) -> ResultsError {
                ResultsError(file: source, problem: problem, detail: "line \(row.line): \(message)")
            }
            let name = row.fields[nameColumn].trimmingSpaces
            guard !name.isEmpty else { throw fail(.invalidValue, "the name is empty") }
            var variant: String?
            if let variantColumn {
                variant = row.fields[variantColumn].trimmingSpaces
                guard variant?.isEmpty == false else { throw fail(.invalidValue, "the variant is empty") }
            }
            let run = runColumn.map { row.fields[$0].trimmingSpaces } ?? "1"
            guard !run.isEmpty else { throw fail(.invalidValue, "the run is empty") }
            var unit = optionUnit
            if let unitColumn {
                let text = row.fields[unitColumn].trimmingSpaces
                guard let rowUnit = TimeUnit(rawValue: text) else {
                    throw fail(.unknownUnit, "unknown unit \(JSONStringEscaper.quoted(text)); accepted units: ns, us, ms, s")
                }
                if let optionUnit, optionUnit != rowUnit {
                    throw fail(.invalidValue, "the unit column says \(rowUnit) but --unit says \(optionUnit)")
                }
                unit = rowUnit
            }
            guard let unit else { continue }  // unreachable: checked above
            let value = try DecimalText.time(row.fields[valueColumn].trimmingSpaces, what: "value", fail: fail)
            let target = fileUnit ?? unit
            fileUnit = target
            let sample = unit.convert(value, to: target)

            let key = Key(name: name, variant: variant)
            if samplesByRun[key] == nil {
                order.append(key)
                samplesByRun[key] = []
            }
            if let position = samplesByRun[key]?.firstIndex(where: { $0.run == run }) {
                samplesByRun[key]?[position].samples.append(sample)
            } else {
                samplesByRun[key]?.append((run, [sample]))
            }
        }

        var benchmarks: [ImportedBenchmark] = []
        for key in order {
            var runs = samplesByRun[key] ?? []
            if runs.allSatisfy({ Int($0.run) != nil }) {
                runs.sort { (Int($0.run) ?? 0) < (Int($1.run) ?? 0) }
            }
            benchmarks.append(ImportedBenchmark(
                toolName: key.name, name: key.name, variant: key.variant,
                qualifiedName: key.variant.map { "\(key.name)/\($0)" } ?? key.name,
                runs: runs.map { BenchmarkRun(samples: $0.samples) }, sampleKind: .iteration))
        }
        return ImportedResults(format: .csv, unit: fileUnit ?? .nanoseconds, benchmarks: benchmarks)
    }
}
