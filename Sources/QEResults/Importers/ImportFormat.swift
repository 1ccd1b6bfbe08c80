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
    /// pyperf's JSON (a suite or a single benchmark, `-o FILE`), plain or gzip-compressed.
    case pyperf = "pyperf"
    /// An asv results file written with `--record-samples`.
    case asv = "asv"
    /// Swift package-benchmark (ordo-one/benchmark) output that keeps every measurement: a
    /// baseline's `results.json`, or the `jmh`, `histogramEncoded` and `histogramSamples`
    /// exports.
    case packageBenchmark = "package-benchmark"
    /// What `swift test` prints for XCTest `measure { }` blocks (Linux and macOS).
    case xctest = "xctest"

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
        case .pyperf:
            return "one value of a worker process: one batch of loops (× inner_loops) divided by its iterations, in seconds (a batch mean unless loops is 1); each worker process is one run, its warm-ups the run's warm-up"
        case .asv:
            return "one of a parameter combination's samples (--record-samples): a repeat's time divided by its number of iterations, in seconds (a batch mean unless number is 1); one file is one run"
        case .packageBenchmark:
            return "one wall-clock measurement (one iteration, or a scalingFactor batch divided by its size) as package-benchmark's HDR histogram kept it: rounded to the histogram's precision (about 3 significant digits), in nanoseconds; one file (one benchmark process) is one run"
        case .xctest:
            return "one execution of a measure { } block, its wall time as XCTest prints it (to the microsecond), in seconds; one test case's values are one run, the same test measured again (another log, or further down) another run"
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
        case .pyperf: return "name: the benchmark's name (sum-baseline); variant: 'default'"
        case .asv:
            return "with a 'variant' parameter: variant its value, name the benchmark with its other parameters (bench.Suite.time_sum(size=1000)); otherwise name the benchmark with its parameters, variant 'default'"
        case .packageBenchmark:
            return "name: the benchmark's name (its tags appended, as package-benchmark shows them); a 'variant' tag is the variant and stays out of the name, otherwise 'default'"
        case .xctest: return "name: the test as Class.testMethod (SumTests.testSum); variant: 'default'"
        }
    }
}
