import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import QETestSupport
import Testing

/// What the store promises when processes die or race, on both backends, with real processes.
@Suite("History store reliability")
struct StoreReliabilityTests {
    typealias F = HistoryFixtures

    /// Everything a store holds, to compare before and after.
    static func snapshot(_ store: any HistoryStore) async throws -> ([RecordedResults], [HistorySeries], [Int]) {
        let inventory = try await store.inventory()
        return (try await store.recordedResults(matching: SeriesFilter()), try await store.series(matching: SeriesFilter()),
                [inventory.files, inventory.benchmarks, inventory.runs, inventory.samples, inventory.series, inventory.machines])
    }

    /// Writes `results` (with a commit and time) to a file in `directory`.
    static func write(_ results: ResultsFile, commit: Int, minutes: Int, to directory: ScratchDirectory, name: String) throws -> String {
        var file = results
        file.environment.gitCommit = F.commit(commit)
        file.createdAt = F.time(minutes: minutes).description
        let path = directory.file(name)
        try file.write(to: path)
        return path
    }

    @Test(arguments: StoreBackend.allCases)
    func aProcessKilledInTheMiddleOfAnAddLeavesTheStoreAsItWas(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let files = try ScratchDirectory()
        let store = try await scratch.open()
        _ = try await store.add([try F.recording(F.results(seed: 90), commit: 1, minutes: 1)])
        let before = try await Self.snapshot(store)

        // A big file (new series, a new machine, 40 benchmarks) so that the transaction has
        // written many rows when it is killed.
        let names = (0..<20).flatMap { ["w\($0)"] }.flatMap { [($0, "baseline"), ($0, "flash")] }
        let big = F.results(benchmarks: names, runs: 5, iterations: 200, seed: 91, environment: F.zen3)
        let path = try Self.write(big, commit: 2, minutes: 2, to: files, name: "big.json")
        let child = try HistoryChild(["add-and-hang", scratch.url, "main", path])
        let line = child.readLine()
        try #require(line == "in-transaction", "the child did not reach its transaction: \(child.finish().stderr)")
        child.kill()
        #expect(child.process.terminationReason == .uncaughtSignal && child.process.terminationStatus == SIGKILL)

        // Read by a new connection, as the next process would.
        await store.close()
        let reopened = try await scratch.open()
        let after = try await Self.snapshot(reopened)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(after.2 == before.2)
        // Nothing of the killed add is left: the same file is added afresh, not "already recorded".
        let outcome = try await reopened.add([try HistoryRecording(results: try ResultsFile.read(from: path), source: path,
                                                                   overrides: RecordingOverrides(branch: "main"))])
        guard case .added = try #require(outcome.first) else {
            Issue.record("the killed add left its file behind: \(outcome)")
            return
        }
        #expect(try await reopened.inventory().files == 2)
        await reopened.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func eightProcessesAddingAtOnceAllLand(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let files = try ScratchDirectory()
        // Every process adds 6 files of its own and the same 2 shared files; all files share
        // the same series, so the processes contend for the same rows from the start (the store
        // itself is created by whichever process comes first).
        let shared = try (0..<2).map { index in
            try Self.write(F.results(runs: 3, iterations: 20, seed: 1000 + index), commit: 1000 + index, minutes: 1000 + index,
                           to: files, name: "shared-\(index).json")
        }
        var children: [HistoryChild] = []
        var expectedDigests: Set<String> = []
        for process in 0..<8 {
            var paths = shared
            for index in 0..<6 {
                let number = process * 10 + index
                let results = F.results(runs: 3, iterations: 20, seed: number)
                paths.append(try Self.write(results, commit: number + 1, minutes: number, to: files, name: "p\(process)-\(index).json"))
            }
            paths.shuffle()
            children.append(try HistoryChild(["add", scratch.url, "main"] + paths))
        }
        var added: [String] = []
        var already: [String] = []
        for child in children {
            let (status, stdout, stderr) = child.finish()
            #expect(status == 0, "a process failed: \(stderr)")
            #expect(!stderr.localizedCaseInsensitiveContains("locked"))
            for line in stdout.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.first == "added" { added.append(String(parts[1])) }
                if parts.first == "already" { already.append(String(parts[1])) }
            }
        }
        for name in try files.contents() {
            let results = try ResultsFile.read(from: files.file(name))
            expectedDigests.insert(try F.recording(results, commit: 1, minutes: 1).digest)
        }
        #expect(expectedDigests.count == 50)
        // Each file added exactly once; the shared ones found already recorded by 7 processes.
        #expect(added.count == 50 && Set(added) == expectedDigests)
        #expect(already.count == 14)
        let store = try await scratch.open()
        let inventory = try await store.inventory()
        #expect(inventory.files == 50 && inventory.runs == 50 * 2 * 3 && inventory.samples == 50 * 2 * 3 * 20)
        #expect(inventory.series == 2 && inventory.machines == 1)
        let points = try await store.series(matching: SeriesFilter(variant: "flash"))[0].points
        #expect(points.count == 50 && points.allSatisfy { $0.runs.count == 3 && $0.files == 1 })
        await store.close()
    }
}
