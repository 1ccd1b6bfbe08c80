import Foundation

/// Runs async work to completion from synchronous code, blocking the calling thread.
///
/// The history store's logic is synchronous (SQLite's transactions are closures that cannot
/// suspend); PostgresNIO is asynchronous. The store runs its logic on a Dispatch thread, never
/// on Swift's cooperative pool or an event loop, and each PostgreSQL call blocks that thread
/// until the event loop has answered.
enum BlockingBridge {
    /// The value `work` returns, or the error it throws.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                outcome.set(.success(try await work()))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// Where the detached task leaves its result for the waiting thread.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?

        func set(_ value: Result<T, any Error>) {
            lock.withLock { result = value }
        }

        func get() throws -> T {
            guard let result = lock.withLock({ result }) else {
                throw HistoryError(.internalFailure, subject: "history store", detail: "an asynchronous call ended without a result")
            }
            return try result.get()
        }
    }
}
