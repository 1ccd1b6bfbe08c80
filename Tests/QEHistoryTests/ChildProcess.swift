import Foundation
import Testing

/// The `qe-history-test-child` executable, run as a separate process.
struct HistoryChild {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()

    /// The executable SwiftPM built next to the test bundle.
    static func executable() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("qe-history-test-child")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/qe-history-test-child")
        return try #require(FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil,
                            "qe-history-test-child was not built")
    }

    /// Starts the child with `arguments`.
    init(_ arguments: [String]) throws {
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Reads standard output until a whole line has come, or the output ends.
    func readLine() -> String {
        var bytes: [UInt8] = []
        let handle = output.fileHandleForReading
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { break }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits for the child to end; its exit status, standard output and standard error.
    func finish() -> (status: Int32, stdout: String, stderr: String) {
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Sends SIGKILL: no handler, no cleanup, as when a CI runner is torn down.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
