import Dispatch

/// Runs the store's blocking work on a Dispatch thread, so that Swift's cooperative pool is
/// never blocked by SQLite's locks or by a wait for PostgreSQL (see ``BlockingBridge``).
enum OffPoolWork {
    /// The value `work` returns, or its error as a ``HistoryError`` (anything else becomes an
    /// internal failure).
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws(HistoryError) -> T {
        let result: Result<T, HistoryError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: .success(try work()))
                } catch let error as HistoryError {
                    continuation.resume(returning: .failure(error))
                } catch {
                    continuation.resume(returning: .failure(HistoryError(.internalFailure, subject: "history store", detail: "\(error)")))
                }
            }
        }
        return try result.get()
    }
}
