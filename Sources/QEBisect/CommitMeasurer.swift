import Foundation
import QEBench
import QEResults
import QEValidation

/// Builds and measures the bisection's three worktrees, as ``BisectSetup`` says: each command
/// runs through `/bin/sh` in the worktree, with `{worktree}` (and, for `--bench`, `{out}`)
/// replaced by shell-quoted paths.
///
/// A measurement is one time in nanoseconds: for `--command`, the whole process's wall or CPU
/// time; for `--bench`, the geometric mean of the chosen benchmark's samples in the results
/// file the command wrote (any format `ResultsInput` reads), leaving out preempted iterations
/// (`RunLogLevel.robust`).
struct CommitMeasurer {
    let setup: BisectSetup
    let worktrees: BisectWorktrees
    let interruption: BisectInterruption

    /// Seconds a build may take: a day, so that no real build is cut short.
    static let buildTimeout = 86_400.0

    /// Why a build or a measurement failed, in one line.
    struct Failure: Error, Equatable {
        var message: String
    }

    /// - Throws: ``BisectRunError/invalidSetup(_:)`` when a `--bench` command has no `{out}`.
    init(setup: BisectSetup, worktrees: BisectWorktrees, interruption: BisectInterruption) throws {
        if setup.kind == .bench, !setup.command.contains(BisectSetup.outputPlaceholder) {
            throw BisectRunError.invalidSetup(
                "the --bench command must write its results file to \(BisectSetup.outputPlaceholder), for example '.build/release/qe-validate run --runs 1 --out {out}'")
        }
        self.setup = setup
        self.worktrees = worktrees
        self.interruption = interruption
    }

    /// Runs the build command (if any) in the worktree of `role`.
    /// - Throws: ``Failure`` when it fails; ``BisectRunError/interrupted(signal:)``.
    func build(_ role: BisectBuildRole) throws {
        guard let build = setup.build else { return }
        _ = try run(substitute(build, role: role, output: nil), in: role, timeout: Self.buildTimeout, what: "the build")
    }

    /// One measurement of the build in the worktree of `role`, in nanoseconds.
    /// - Throws: ``Failure`` when the command fails or its results cannot be used;
    ///   ``BisectRunError/benchmarkChoice(_:)`` when `--benchmark` matches no benchmark or
    ///   several; ``BisectRunError/interrupted(signal:)``.
    func measure(_ role: BisectBuildRole) throws -> Double {
        switch setup.kind {
        case .command:
            let outcome = try run(substitute(setup.command, role: role, output: nil), in: role, timeout: setup.timeout, what: "the command")
            return setup.clock == .cpu ? outcome.cpuNanoseconds : outcome.elapsedNanoseconds
        case .bench:
            let path = worktrees.nextResultsPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try run(substitute(setup.command, role: role, output: path), in: role, timeout: setup.timeout, what: "the benchmark")
            let results: ResultsFile
            do {
                results = try ResultsInput.load(path: path)
            } catch {
                throw Failure(message: "the benchmark's results file cannot be used: \(error.description)")
            }
            return try Self.geometricMean(of: try chosenBenchmark(in: results), unit: results.unit)
        }
    }

    /// The benchmark `--benchmark` names (by name, or as `name (variant)`), or the only one.
    func chosenBenchmark(in results: ResultsFile) throws -> Benchmark {
        let labels = results.benchmarks.map(\.key.description).joined(separator: ", ")
        guard let wanted = setup.benchmark else {
            guard results.benchmarks.count == 1, let only = results.benchmarks.first else {
                throw BisectRunError.benchmarkChoice(
                    "the results file has \(results.benchmarks.count) benchmarks; choose one with --benchmark: \(labels)")
            }
            return only
        }
        let byName = results.benchmarks.filter { $0.name == wanted }
        if byName.count == 1, let match = byName.first { return match }
        if let match = results.benchmarks.first(where: { $0.key.description == wanted }) { return match }
        let problem = byName.isEmpty ? "has no benchmark '\(wanted)'" : "has \(byName.count) variants of '\(wanted)'; name one as 'name (variant)'"
        throw BisectRunError.benchmarkChoice("the results file \(problem): \(labels)")
    }

    /// The benchmark's time over every run, in nanoseconds (``BisectRound/level(ofSamples:what:)``).
    static func geometricMean(of benchmark: Benchmark, unit: TimeUnit) throws -> Double {
        do {
            return try BisectRound.level(ofSamples: benchmark.pooledSamples(in: .nanoseconds, from: unit), what: "\(benchmark.key)")
        } catch {
            throw Failure(message: error.description)
        }
    }

    /// `template` with `{worktree}` and `{out}` replaced by shell-quoted paths.
    func substitute(_ template: String, role: BisectBuildRole, output: String?) -> String {
        var command = template.replacingOccurrences(
            of: BisectSetup.worktreePlaceholder, with: ShellQuoting.quote(worktrees.path(of: role)))
        if let output {
            command = command.replacingOccurrences(of: BisectSetup.outputPlaceholder, with: ShellQuoting.quote(output))
        }
        return command
    }

    /// Runs `command` through `/bin/sh` with the worktree of `role` as its working directory.
    private func run(_ command: String, in role: BisectBuildRole, timeout: Double, what: String) throws -> ChildProcess.Outcome {
        // The worktree and the command are passed as arguments, never spliced into the script.
        let child = ChildProcess(
            executable: "/bin/sh",
            arguments: ["-c", "cd -- \"$1\" || exit 125; eval \"$2\"", "qe-validate-bisect", worktrees.path(of: role), command],
            timeout: timeout, capturesOutput: false)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try interruption.run(child)
        } catch let error as BisectRunError {
            throw error
        } catch {
            throw Failure(message: "\(what) cannot start: \(error)")
        }
        let lastLine = outcome.errorTail.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        switch outcome.ending {
        case .exited(0):
            return outcome
        case let .exited(status):
            throw Failure(message: "\(what) failed with status \(status)" + (lastLine.map { ": \($0)" } ?? ""))
        case let .signalled(signal):
            throw Failure(message: "\(what) was killed by signal \(signal)" + (lastLine.map { ": \($0)" } ?? ""))
        case .timedOut:
            throw Failure(message: "\(what) did not finish within \(Int(timeout)) s and was stopped")
        }
    }
}
