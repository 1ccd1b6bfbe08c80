import QEBench
import QETestSupport
import Testing

@Suite("Timing external commands", .tags(.slow), .skippedWhenFast)
struct CommandBenchmarkTests {
    @Test func commandsAreTimedRunByRunInterleaved() throws {
        let benchmark = CommandBenchmark(
            variants: [.init(name: "slow", command: "sleep 0.03"), .init(name: "fast", command: "true")],
            runs: 2, iterations: 3, warmup: 1, timeout: 30)
        let timings = try benchmark.run(progress: ProgressDisplay(quiet: true))
        #expect(timings.map(\.variant) == ["slow", "fast"])
        for timing in timings {
            #expect(timing.runs.count == 2)
            #expect(timing.runs.allSatisfy { $0.samples.count == 3 && $0.warmup.count == 1 })
        }
        // Every slow invocation sleeps 30 ms; no fast one does.
        #expect(timings[0].runs.flatMap(\.samples).allSatisfy { $0 >= 30_000_000 })
        #expect(timings[0].runs.flatMap(\.samples).min()! > timings[1].runs.flatMap(\.samples).min()!)
    }

    @Test func aFailingCommandIsNamedWithItsMessage() {
        let benchmark = CommandBenchmark(
            variants: [.init(name: "a", command: "true"), .init(name: "b", command: "echo broken >&2; exit 2")],
            runs: 1, iterations: 2, warmup: 0, timeout: 30)
        #expect(throws: HarnessError.commandFailed(command: "echo broken >&2; exit 2", status: 2, message: "broken")) {
            try benchmark.run(progress: ProgressDisplay(quiet: true))
        }
    }

    @Test func aHangingCommandIsStopped() {
        let benchmark = CommandBenchmark(
            variants: [.init(name: "a", command: "sleep 30"), .init(name: "b", command: "true")],
            runs: 1, iterations: 1, warmup: 0, timeout: 0.3)
        #expect(throws: HarnessError.commandTimedOut(command: "sleep 30", seconds: 0.3)) {
            try benchmark.run(progress: ProgressDisplay(quiet: true))
        }
    }

    @Test func shellQuotingRoundTrips() {
        #expect(ShellQuoting.join(["qe-validate", "run", "--baseline-cmd", "node a.js", "it's"]) ==
                "qe-validate run --baseline-cmd 'node a.js' 'it'\\''s'")
    }
}
