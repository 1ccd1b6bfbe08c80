import QEFormats
/// Times whole external commands the way the kernels are timed: several runs, each with warm-up
/// invocations, the variants interleaved in alternating order. Each invocation is a new process
/// (`/bin/sh -c COMMAND`, output discarded, standard error kept for messages), timed from its
/// start until the shell exits; processes it leaves running are killed, with a warning
/// (see ``ChildProcess``).
///
/// This is how a JavaScript or Python benchmark gets judged: `--baseline-cmd 'node old.js'
/// --candidate-cmd 'node new.js'`.
public struct CommandBenchmark: Sendable {
    /// One command to time, under a variant name.
    public struct Variant: Sendable, Equatable {
        public var name: String
        public var command: String

        public init(name: String, command: String) {
            self.name = name
            self.command = command
        }
    }

    /// Per-iteration and warm-up times of one variant, run by run.
    public struct Timings: Sendable, Equatable {
        public var variant: String
        public var runs: [(samples: [Double], warmup: [Double], startedAt: String)]

        public static func == (lhs: Timings, rhs: Timings) -> Bool {
            lhs.variant == rhs.variant && lhs.runs.elementsEqual(rhs.runs) {
                $0.samples == $1.samples && $0.warmup == $1.warmup && $0.startedAt == $1.startedAt
            }
        }
    }

    public var variants: [Variant]
    public var runs: Int
    public var iterations: Int
    public var warmup: Int
    /// Seconds one invocation may take.
    public var timeout: Double
    public var shell = "/bin/sh"

    public init(variants: [Variant], runs: Int, iterations: Int, warmup: Int, timeout: Double) {
        self.variants = variants
        self.runs = runs
        self.iterations = iterations
        self.warmup = warmup
        self.timeout = timeout
    }

    /// Runs every invocation; stops at the first command that fails.
    /// - Parameter warn: called once per command that left processes running after it exited.
    public func run(progress: ProgressDisplay, warn: (String) -> Void = { _ in }) throws -> [Timings] {
        var timings = variants.map { Timings(variant: $0.name, runs: []) }
        var warned: Set<String> = []
        for run in 1...runs {
            var samples = [[Double]](repeating: [], count: variants.count)
            var warmups = [[Double]](repeating: [], count: variants.count)
            var startedAt = [String](repeating: "", count: variants.count)
            for round in 0..<(warmup + iterations) {
                let timing = round >= warmup
                for position in variants.indices {
                    let index = round % 2 == 0 ? position : variants.count - 1 - position
                    let variant = variants[index]
                    progress.show(
                        "run \(run)/\(runs)  \(variant.name)  "
                            + (timing ? "timing \(round - warmup + 1)/\(iterations)" : "warmup \(round + 1)/\(warmup)"))
                    if timing && samples[index].isEmpty { startedAt[index] = ISO8601Text.now() }
                    let (elapsed, leftovers) = try invoke(variant.command)
                    if leftovers && warned.insert(variant.command).inserted {
                        warn("the command '\(variant.command)' left processes running when it exited; they were killed (each invocation is timed until the shell exits)")
                    }
                    if timing { samples[index].append(elapsed) } else { warmups[index].append(elapsed) }
                }
            }
            for index in variants.indices {
                timings[index].runs.append((samples[index], warmups[index], startedAt[index]))
            }
        }
        progress.finish()
        return timings
    }

    /// Runs `command` once and returns its wall time in nanoseconds, and whether it left
    /// processes running.
    func invoke(_ command: String) throws -> (nanoseconds: Double, killedLeftovers: Bool) {
        let child = ChildProcess(executable: shell, arguments: ["-c", command], timeout: timeout, capturesOutput: false)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try child.run()
        } catch {
            throw HarnessError.commandFailed(command: command, status: -1, message: error.description)
        }
        switch outcome.ending {
        case .exited(0):
            return (outcome.elapsedNanoseconds, outcome.killedLeftovers)
        case let .exited(status):
            throw HarnessError.commandFailed(
                command: command, status: status, message: outcome.errorTail.last(where: { !$0.isEmpty }) ?? "")
        case let .signalled(signal):
            throw HarnessError.commandFailed(command: command, status: 128 + signal, message: "killed by signal \(signal)")
        case .timedOut:
            throw HarnessError.commandTimedOut(command: command, seconds: timeout)
        }
    }
}
