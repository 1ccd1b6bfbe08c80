import Testing
import QEResults

@Suite("Time units")
struct TimeUnitTests {
    @Test(arguments: [
        (TimeUnit.nanoseconds, 1500.0, TimeUnit.microseconds, 1.5),
        (.nanoseconds, 13367000, .milliseconds, 13.367),
        (.nanoseconds, 2_500_000_000, .seconds, 2.5),
        (.microseconds, 1.5, .nanoseconds, 1500),
        (.milliseconds, 0.25, .microseconds, 250),
        (.seconds, 1.5, .nanoseconds, 1.5e9),
        (.seconds, 3, .milliseconds, 3000),
        (.milliseconds, 7, .milliseconds, 7),
    ])
    func convertsExactly(from: TimeUnit, value: Double, to: TimeUnit, expected: Double) {
        #expect(from.convert(value, to: to) == expected)
    }

    @Test func roundTripsThroughAnotherUnit() {
        // Division by an exact power of ten, not multiplication by an inexact reciprocal:
        // 0.1 s → ns → s gives 0.1 back.
        for value in [0.1, 0.3, 1.0 / 3.0, 13.367, 1e-3] {
            let nanoseconds = TimeUnit.seconds.convert(value, to: .nanoseconds)
            #expect(TimeUnit.nanoseconds.convert(nanoseconds, to: .seconds) == value)
        }
    }

    @Test func convertsArrays() {
        #expect(TimeUnit.microseconds.convert([1, 2.5], to: .nanoseconds) == [1000, 2500])
        #expect(TimeUnit.nanoseconds.convert([1500, 250], to: .microseconds) == [1.5, 0.25])
        #expect(TimeUnit.seconds.convert([4], to: .seconds) == [4])
    }

    @Test func spellingsAndFactors() {
        #expect(TimeUnit.allCases.map(\.rawValue) == ["ns", "us", "ms", "s"])
        #expect(TimeUnit.allCases.map(\.nanosecondsPerUnit) == [1, 1e3, 1e6, 1e9])
        #expect(TimeUnit(rawValue: "µs") == nil)
        #expect("\(TimeUnit.milliseconds)" == "ms")
    }

    @Test func benchmarkPoolsAndSplitsRunsInTheRequestedUnit() {
        let benchmark = Benchmark(name: "a", variant: "b", runs: [
            BenchmarkRun(samples: [1000, 2000]), BenchmarkRun(samples: [3000]),
        ])
        #expect(benchmark.pooledSamples(in: .microseconds, from: .nanoseconds) == [1, 2, 3])
        #expect(benchmark.runSamples(in: .microseconds, from: .nanoseconds) == [[1, 2], [3]])
        #expect(benchmark.pooledSamples(in: .nanoseconds, from: .microseconds) == [1e6, 2e6, 3e6])
        #expect(benchmark.sampleCount == 3)
        #expect(benchmark.key.description == "a (b)")
    }
}
