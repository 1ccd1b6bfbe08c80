import Foundation
import QEHistory
import QEResults
import QEValidation

/// Records simulated histories in a history store, so that `qe-validate history detect` can be
/// timed end to end on them (reading the store's sample blobs, as it does in use): each history
/// is one benchmark (suite `simulated`, its id as the name, variant `default`) on one machine,
/// branch `main`; each commit one results file. Commit ids are made hexadecimal from the history's
/// position and the commit's (`simulate.py`'s `c0001` is not a git id).
enum SimulatedHistoryStoreLoader {
    static func load(_ histories: [(id: String, series: ChangeSeries)], into url: String) async throws {
        let store = try await HistoryStores.open(try StoreLocation(parsing: url), creating: true)
        let environment = EnvironmentInfo(host: "simulated", os: "Linux", cpu: "simulated CPU", cores: 2, toolchain: "simulated", build: "release")
        for (number, history) in histories.enumerated() {
            var recordings: [HistoryRecording] = []
            recordings.reserveCapacity(history.series.points.count)
            for (index, point) in history.series.points.enumerated() {
                let file = ResultsFile(
                    suite: "simulated", unit: .nanoseconds, environment: environment,
                    benchmarks: [Benchmark(name: history.id, variant: "default", runs: point.runs.map { BenchmarkRun(samples: $0) })])
                recordings.append(try HistoryRecording(
                    results: file, source: "\(history.id)#\(index)", commit: String(format: "%08x%08x", number, index),
                    time: HistoryTimestamp(point.time), branch: "main"))
            }
            _ = try await store.add(recordings)
        }
        await store.close()
    }
}
