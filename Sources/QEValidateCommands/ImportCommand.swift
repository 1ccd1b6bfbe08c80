import ArgumentParser
import Foundation
import QEResults

/// `qe-validate import`: turn another tool's timings into a results file.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn another benchmarking tool's raw timings into a qe-validate results file.",
        discussion: """
            Several files of the same tool are several runs of the same benchmarks (pytest-benchmark \
            run in five processes: five files, five runs). Within one file, Google Benchmark \
            repetitions and Go -count lines are runs of their own; every other tool's file is one run. \
            Every judging command also reads these files directly (--input-format, --name-pattern, \
            --variant), so importing is only needed to keep or combine them.

            What one sample is, per format:
            \(formatList(\.sampleDescription))

            Names and variants without --name-pattern or --variant:
            \(formatList(\.defaultNaming))

            --name-pattern REGEX is searched in each tool's own benchmark name; its named groups \
            (?<name>…) and (?<variant>…) give the name and the variant. Without a name group the \
            name is the tool's name with the variant's text cut out. --variant LABEL gives every \
            benchmark of the files that variant (and each keeps the tool's full name).

            Files that hold only summary statistics (Google Benchmark with \
            --benchmark_report_aggregates_only, hyperfine's CSV or Markdown export, Criterion's \
            estimates.json, pytest-benchmark saved without --benchmark-save-data, asv results \
            written without --record-samples, package-benchmark's jsonSmallerIsBetter, \
            histogramPercentiles, histogram and influx exports) are refused: raw timings are needed, and the message says how \
            to get them.

            Examples:
              qe-validate import hyperfine compare.json --out results.json
              qe-validate import pytest-benchmark run1.json run2.json run3.json --out results.json
              qe-validate import google-benchmark bench.json --name-pattern 'BM_Sum_(?<variant>[A-Za-z]+)/(?<name>[0-9]+)' --out results.json
              qe-validate import go-bench new.txt --variant branch --out branch.json
              qe-validate import criterion target/criterion --out results.json
              qe-validate import csv times.csv --unit ms --suite sorting --out results.json
              qe-validate import auto sum.json --out results.json

            The results file is written atomically to --out (standard output without it); a summary \
            and any warnings go to standard error. Exit codes: 0 imported; 64 usage; 65 malformed, \
            truncated, summary-only or unrecognised input, or benchmarks whose names collide; 66 \
            input missing or unreadable; 73 output not writable.
            """
    )

    @Argument(help: ArgumentHelp(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "format"))
    var format: ImportFormat

    @Argument(help: ArgumentHelp("The tool's output files (a Criterion folder counts as one); several are several runs.",
                                 valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Write the results file here (atomically) instead of standard output.", valueName: "results.json"))
    var out: String?

    @Option(help: ArgumentHelp("Regular expression with named groups (?<name>…) and/or (?<variant>…), searched in each benchmark's name.",
                               valueName: "regex"))
    var namePattern: String?

    @Option(help: ArgumentHelp("Variant of every benchmark in the files.", valueName: "label"))
    var variant: String?

    @Option(help: ArgumentHelp("Suite of the results (default: the format's name, or the results file's suite).", valueName: "name"))
    var suite: String?

    @Option(help: "csv without a unit column: the unit of the values (ns, us, ms or s).")
    var unit: TimeUnit?

    public init() {}

    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
        if unit != nil, format != .csv, format != .auto {
            throw ValidationError("--unit is for csv input only; \(format) files say their own unit")
        }
        _ = try options()
    }

    func options() throws -> ImportOptions {
        try ImportOptionGroup.makeOptions(format: format, namePattern: namePattern, variant: variant, suite: suite, unit: unit)
    }

    public func run() throws {
        do {
            try OutputPathCheck.check(outputs: [out], inputs: files)
            let results = try ResultsInput.load(paths: files, options: try options())
            if let out, out != "-" {
                try results.write(to: out)
            } else {
                try results.validate(source: "(standard output)")
                FileHandle.standardOutput.write(Data(results.jsonBytes()))
            }
            let runs = results.benchmarks.reduce(0) { $0 + $1.runs.count }
            let samples = results.benchmarks.reduce(0) { $0 + $1.sampleCount }
            let names = results.benchmarks.map(\.key.description)
            let shown = names.count <= 6 ? names.joined(separator: ", ") : names.prefix(5).joined(separator: ", ") + ", …"
            let fileCount = files.count == 1 ? "1 file" : "\(files.count) files"
            FileHandle.standardError.write(Data(
                "qe-validate: imported \(Self.count(results.benchmarks.count, "benchmark")) (\(shown)), \(Self.count(runs, "run")), \(Self.count(samples, "sample")) in \(results.unit), from \(fileCount)\n".utf8))
            for warning in ResultsInput.warnings(for: results, path: files.count == 1 ? files[0] : files.joined(separator: ", ")) {
                CommandFailure.warn(warning)
            }
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private static func formatList(_ text: KeyPath<ImportFormat, String>) -> String {
        ImportFormat.foreignFormats.map { "  \($0.rawValue): \($0[keyPath: text])" }.joined(separator: "\n")
    }
}
