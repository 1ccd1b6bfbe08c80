import ArgumentParser
import Foundation
import QEHistory

/// `--store URL`: which history store a `history` command (and `gate --baseline history`)
/// reads or writes. Declared once for every command that uses the store.
///
/// The store is `--store` if given, else the `QE_VALIDATE_STORE` environment variable, else
/// `sqlite:.qe-validate/history.sqlite` at the top of the git work tree that holds the current
/// directory. Every message names it by ``StoreLocation/description``, which shows a password
/// as `***`.
///
/// ```swift
/// @OptionGroup(title: "Store") var store: StoreOptionGroup
///
/// let history = try await store.open(creating: false)   // HistoryError → 64/66/70
/// defer { Task { await history.close() } }
/// ```
struct StoreOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp(
        "History store: sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE] (default: $QE_VALIDATE_STORE, else sqlite:.qe-validate/history.sqlite at the top of the git work tree).",
        valueName: "url"))
    var store: String?

    /// The store to use, from `--store`, the environment or the git work tree.
    /// - Throws: `HistoryError` (bad location, a usage error) for a malformed URL, or for the
    ///   default outside a git work tree.
    func location(environment: [String: String] = ProcessInfo.processInfo.environment,
                  workingDirectory: String = FileManager.default.currentDirectoryPath) throws(HistoryError) -> StoreLocation {
        try StoreLocation.resolve(option: store, environment: environment, workingDirectory: workingDirectory)
    }

    /// Opens the store and brings its schema up to date.
    /// - Parameter creating: whether a missing SQLite store is created (commands that record);
    ///   commands that only read pass false, so a mistyped path is an error, not a new store.
    /// - Throws: `HistoryError`.
    func open(creating: Bool) async throws(HistoryError) -> any HistoryStore {
        try await HistoryStores.open(try location(), creating: creating)
    }

    /// Runs `body` with the store open and closes it afterwards, whether `body` succeeds or not.
    func withStore<Result>(creating: Bool, _ body: (any HistoryStore) async throws -> Result) async throws -> Result {
        let history = try await open(creating: creating)
        do {
            let result = try await body(history)
            await history.close()
            return result
        } catch {
            await history.close()
            throw error
        }
    }
}
