import Foundation

/// What a child process printed and how it ended.
public struct CapturedRun: Sendable {
    /// The exit status (or the signal number, for a process killed by a signal).
    public var status: Int32
    /// Standard output and standard error, byte for byte.
    public var output: [UInt8]
    public var error: [UInt8]

    /// Standard output as UTF-8 text.
    public var stdout: String { String(decoding: output, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var stderr: String { String(decoding: error, as: UTF8.self) }

    /// Runs `executable` with `arguments` (in `directory`, or the current one) to its end.
    ///
    /// Standard output and standard error go to temporary files rather than pipes: a child that
    /// fills one pipe while the parent waits on the other would never finish.
    public static func run(_ executable: URL, _ arguments: [String], in directory: String? = nil) throws -> CapturedRun {
        let scratch = try ScratchDirectory()
        let outputPath = scratch.file("stdout")
        let errorPath = scratch.file("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        return CapturedRun(
            status: process.terminationStatus,
            output: Array(try Data(contentsOf: URL(fileURLWithPath: outputPath))),
            error: Array(try Data(contentsOf: URL(fileURLWithPath: errorPath))))
    }
}
