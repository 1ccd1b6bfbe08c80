/// A file format that ``ResultsInput`` reads: qe-validate's own results files, or the output of
/// another benchmarking tool, turned into a ``ResultsFile``.
///
/// The raw value is the name used on the command line (`qe-validate import hyperfine ...`,
/// `--input-format go-bench`). ``sampleDescription`` says, per format, what one sample is;
/// ``defaultNaming`` how benchmarks get their name and variant when no `--name-pattern` is
/// given.
public enum ImportFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Decide from the content: each of the formats below is recognised by its own keys or
    /// lines. A directory is read as Criterion.rs output.
    case auto = "auto"
    /// A `qe-validate/results@1` file, read as it is (see ``ResultsFile/read(from:)``).
    case results = "results"
    /// hyperfine's `--export-json` file: `results[].times`, one time per execution, in seconds.
    case hyperfine = "hyperfine"
    /// Google Benchmark's JSON (`--benchmark_out=FILE --benchmark_out_format=json`, or
    /// `--benchmark_format=json`), with `--benchmark_repetitions=N`: every repetition row.
    case googleBenchmark = "google-benchmark"
    /// pytest-benchmark's JSON (`--benchmark-json=FILE`, or a saved run with
    /// `--benchmark-save-data`): `benchmarks[].stats.data`.
    case pytestBenchmark = "pytest-benchmark"
    /// Criterion.rs output: a `sample.json` with the `benchmark.json` beside it, a folder such as
    /// `target/criterion` (every `new/sample.json` below it), or a `raw.csv`.
    case criterion = "criterion"
    /// The text that `go test -bench . -count N` prints (what benchstat reads).
    case goBench = "go-bench"
    /// CSV with a header row and the columns `name`, `value` and optionally `variant`, `run`
    /// and `unit`, one sample per row.
    case csv = "csv"

    /// The command-line name: `google-benchmark`, `go-bench`, ...
    public var description: String { rawValue }

    /// The formats of other tools (every case but ``auto`` and ``results``).
    public static var foreignFormats: [ImportFormat] {
        allCases.filter { $0 != .auto && $0 != .results }
    }

    /// What one sample is in this format, and its unit, in one sentence (for `--help` and the
    /// README).
    public var sampleDescription: String {
        switch self {
        case .auto:
            return "whatever the detected format's sample is"
        case .results:
            return "one sample as the file says (one iteration unless the benchmark's sampleKind is batch-mean), in the file's unit"
        case .hyperfine:
            return "one execution of the command (wall time, hyperfine's shell start-up estimate subtracted), in seconds; every execution of one export is one run"
        case .googleBenchmark:
            return "one repetition's real_time: the mean wall time per iteration over that repetition's iterations (a batch mean), in the row's time_unit; each repetition is its own run of one sample"
        case .pytestBenchmark:
            return "one round's time divided by its iterations (stats.data), in seconds: one iteration when iterations is 1, otherwise a batch mean; one file is one run"
        case .criterion:
            return "one Criterion sample's time divided by its iteration count (times[i] / iters[i]), a batch mean, in nanoseconds; one sample.json is one run"
        case .goBench:
            return "one result line's ns/op: the mean over that line's b.N iterations (a batch mean), in nanoseconds; each line (each -count) is its own run of one sample"
        case .csv:
            return "one row's value, taken to be one iteration, in the row's unit column or --unit; rows are grouped into runs by the run column (one run without it)"
        }
    }

    /// How benchmarks are named and given variants when there is no `--name-pattern` and no
    /// `--variant` (for the README and `--help`).
    public var defaultNaming: String {
        switch self {
        case .auto: return "that of the detected format"
        case .results: return "the file's own names and variants (--name-pattern and --variant do not apply)"
        case .hyperfine:
            return "with a 'variant' parameter (-L variant ...): that is the variant and the other parameters (size=1000) the name; with other parameters: the name is the parameters and the variant the command with each value replaced by {parameter}; without parameters: name 'command', variant the command (its -n name)"
        case .googleBenchmark: return "name: the run_name (BM_Sum/16384); variant: 'default'"
        case .pytestBenchmark:
            return "with a 'variant' parameter: name the test function (plus the other parameters in brackets), variant that parameter; otherwise name the test's name (test_sum[10]) and variant 'default'"
        case .criterion: return "name: the group id (plus /value when there is one); variant: the function id ('default' if none)"
        case .goBench:
            return "name: the benchmark without 'Benchmark' and the -GOMAXPROCS suffix (Sum/size=1024); a 'variant=X' part of a sub-benchmark name is the variant, otherwise 'default'"
        case .csv: return "name: the name column; variant: the variant column ('default' without one)"
        }
    }
}
