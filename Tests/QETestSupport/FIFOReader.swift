import Foundation

/// Reads a FIFO to its end on a thread of its own (not a task: a writer that blocks a
/// cooperative thread in `open` must not keep the reader from being scheduled).
public final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?

    public init(path: String) {
        let thread = Thread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    /// What was read, once the writer has closed the FIFO.
    public func wait() -> Data? {
        done.wait()
        return data
    }
}
