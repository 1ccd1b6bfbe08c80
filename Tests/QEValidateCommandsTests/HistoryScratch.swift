import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import QETestSupport

/// A scratch directory and a fresh store on one backend, for the `history` command tests:
/// writes results files and runs `history` subcommands against the store.
struct HistoryScratch {
    let directory: ScratchDirectory
    let store: ScratchStore

    init(_ backend: StoreBackend) async throws {
        directory = try ScratchDirectory()
        store = try await backend.makeStore()
    }

    /// Writes a results file of two benchmarks (attention baseline and flash, 2 runs of 5
    /// iterations) whose environment names `commit` (none for nil), created `minutes` after
    /// 2026-01-01, with samples from `seed`.
    func resultsFile(_ name: String, commit: Int?, minutes: Int = 0, seed: Int = 0,
                     environment: EnvironmentInfo = HistoryFixtures.zen4) throws -> String {
        var results = HistoryFixtures.results(seed: seed, environment: environment)
        results.environment.gitCommit = commit.map(HistoryFixtures.commit)
        results.createdAt = HistoryFixtures.time(minutes: minutes).description
        let path = directory.file(name)
        try results.write(to: path)
        return path
    }

    /// Runs `history SUBCOMMAND ARGUMENTS... --store URL` in process; the exit code.
    func history(_ arguments: [String]) async -> Int32 {
        await CommandRunner.run(["history"] + arguments + ["--store", store.url])
    }

    /// `history list --format json` with `arguments`, parsed.
    func listing(_ arguments: [String] = []) async throws -> [String: Any] {
        let output = directory.file("listing-\(UUID().uuidString).json")
        let status = await history(["list", "--format", "json", "--output", output] + arguments)
        guard status == 0 else { throw ListingFailed(status: status) }
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The series of a listing.
    func series(_ arguments: [String] = []) async throws -> [[String: Any]] {
        try await listing(arguments)["series"] as? [[String: Any]] ?? []
    }

    /// The points of a listed series.
    static func points(_ series: [String: Any]) -> [[String: Any]] {
        series["points"] as? [[String: Any]] ?? []
    }

    struct ListingFailed: Error {
        var status: Int32
    }
}
